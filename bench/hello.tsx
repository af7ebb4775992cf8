// The baseline: the smallest Ink program, bundled and run exactly like our bin, so startup figures are
// ratios against what Ink itself costs on this machine in this run.
import {Text, render} from 'ink';

render(<Text>Hello from Ink</Text>);
// Stay alive like the explorer does, so both are measured and killed the same way.
setInterval(() => {}, 60_000);
