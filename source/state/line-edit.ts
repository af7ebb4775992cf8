// A line being typed (the list filter, the detail search, a picker's filter), edited the same way
// everywhere: what is typed is appended, and erase takes the last code point, so an emoji or a CJK
// character goes in one press rather than leaving half a surrogate pair behind.
export type LineEdit = {readonly type: 'type'; readonly text: string} | {readonly type: 'erase'};

export function editLine(text: string, edit: LineEdit): string {
	return edit.type === 'type' ? text + edit.text : [...text].slice(0, -1).join('');
}
