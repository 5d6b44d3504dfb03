/** Opening scenario files: the Open button (a real button, reachable by keyboard) and drag and drop. */
export function wireFileOpening(button: HTMLElement, input: HTMLInputElement, dropZone: HTMLElement, open: (files: FileList) => Promise<void>): void {
  button.onclick = () => input.click();
  input.onchange = async () => {
    if (input.files && input.files.length) await open(input.files);
    // The same file can be opened again (after fixing it).
    input.value = '';
  };
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    dropZone.hidden = false;
  });
  document.addEventListener('dragleave', (e) => {
    if (e.target === dropZone) dropZone.hidden = true;
  });
  document.addEventListener('drop', async (e) => {
    e.preventDefault();
    dropZone.hidden = true;
    if (e.dataTransfer?.files.length) await open(e.dataTransfer.files);
  });
}
