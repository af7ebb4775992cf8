import {bundle} from './bundle.js';

await bundle({entry: 'source/cli.tsx', outfile: 'dist/cli.js', product: true});
