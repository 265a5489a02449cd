/**
 * Whether the softphone's document has focus (the agent is working in the panel). jsdom says
 * no as soon as the focused element is removed, where a browser keeps the document focused;
 * tests state which situation they mean.
 */
export function panelFocused(focused: boolean): () => void {
  const spy = jest.spyOn(document, "hasFocus").mockReturnValue(focused);
  return () => spy.mockRestore();
}
