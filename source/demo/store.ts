// Where a project's interactions live: a base collection (lazy or materialised), the ones added
// while the server runs (follow mode), and replacements for those whose state changed (a stream
// that finished). Lists and single lookups all go through here so they always agree.
import type {Indexed} from './paging.ts';
import type {InteractionDto} from './wire.ts';

export type InteractionStore = {
	/** Every interaction of the project, oldest first. */
	readonly all: Indexed<InteractionDto>;
	thread(threadId: string): Indexed<InteractionDto> | undefined;
	get(id: string): InteractionDto | undefined;
	append(dto: InteractionDto): void;
	replace(dto: InteractionDto): void;
};

export type StoreBase = {
	readonly all: Indexed<InteractionDto>;
	readonly threads: ReadonlyMap<string, Indexed<InteractionDto>>;
	get(id: string): InteractionDto | undefined;
};

/** `base` followed by `extra` (which may grow). */
function concat(
	base: Indexed<InteractionDto>,
	extra: InteractionDto[],
	view: (d: InteractionDto) => InteractionDto,
) {
	return {
		get length() {
			return base.length + extra.length;
		},
		at(index: number): InteractionDto {
			const dto = index < base.length ? base.at(index) : (extra[index - base.length] as InteractionDto);
			return view(dto);
		},
		indexOf(id: string): number {
			const index = base.indexOf(id);
			if (index >= 0) return index;
			const extraIndex = extra.findIndex(dto => dto.id === id);
			return extraIndex < 0 ? -1 : base.length + extraIndex;
		},
	} satisfies Indexed<InteractionDto>;
}

export function createStore(base: StoreBase): InteractionStore {
	const appended: InteractionDto[] = [];
	const appendedByThread = new Map<string, InteractionDto[]>();
	const replaced = new Map<string, InteractionDto>();
	const view = (dto: InteractionDto) => replaced.get(dto.id) ?? dto;
	const threadViews = new Map<string, Indexed<InteractionDto>>();
	const threadView = (threadId: string): Indexed<InteractionDto> | undefined => {
		const existing = threadViews.get(threadId);
		if (existing) return existing;
		const threadBase = base.threads.get(threadId);
		if (!threadBase) return undefined;
		let extra = appendedByThread.get(threadId);
		if (!extra) appendedByThread.set(threadId, (extra = []));
		const created = concat(threadBase, extra, view);
		threadViews.set(threadId, created);
		return created;
	};
	return {
		all: concat(base.all, appended, view),
		thread: threadView,
		get(id) {
			const found = replaced.get(id) ?? appended.find(dto => dto.id === id) ?? base.get(id);
			return found;
		},
		append(dto) {
			appended.push(dto);
			if (dto.thread_id === undefined) return;
			let extra = appendedByThread.get(dto.thread_id);
			if (!extra) appendedByThread.set(dto.thread_id, (extra = []));
			extra.push(dto);
		},
		replace(dto) {
			replaced.set(dto.id, dto);
		},
	};
}
