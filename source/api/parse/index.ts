export {
	parseInteraction,
	parseInteractionKey,
	parseInteractionPage,
	parseInteractionPageSliced,
} from './interaction.ts';
export {parseProject, parseProjectPage, parseThread, parseThreadPage, parseUser} from './entities.ts';
export {maskSecrets, MASKED} from './mask.ts';
