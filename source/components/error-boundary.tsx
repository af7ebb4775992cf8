// A render error must not end in a stack trace over the user's terminal: show one line and keep `q`.
import {Box, Text, useApp, useInput} from 'ink';
import {Component, type ReactNode} from 'react';
import {keyOf, resolveKeys} from '../keymap.ts';
import {sanitizeLine} from '../lib/sanitize.ts';

type Props = {readonly width: number; readonly children: ReactNode};
type State = {readonly message?: string};

export class ErrorBoundary extends Component<Props, State> {
	override state: State = {};

	static getDerivedStateFromError(error: unknown): State {
		return {message: sanitizeLine(error instanceof Error ? error.message : String(error))};
	}

	override render() {
		if (this.state.message === undefined) return this.props.children;
		return (
			<Box flexDirection="column" width={this.props.width} paddingX={1}>
				<Text bold>zylon-tui hit an internal error and stopped drawing this screen.</Text>
				<Text>{this.state.message}</Text>
				<Text dimColor>Press {keyOf('quit')} to quit.</Text>
				<QuitKeys />
			</Box>
		);
	}
}

function QuitKeys() {
	const {exit} = useApp();
	useInput((input, key) => {
		if (resolveKeys(input, key).includes('quit')) exit();
	});
	return null;
}
