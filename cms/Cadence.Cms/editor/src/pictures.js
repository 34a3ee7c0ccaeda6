// The one way a new picture comes in, from the toolbar, a drop, a paste or the cover: its description is asked
// once, then it is uploaded to the media library with it. What went wrong is said in the status line, in words.
import { askAlt, addImageChoice } from "./pickers.js";
import { uploadImage } from "./upload.js";

/**
 * @param {{ endpoint: string, token: () => string, altDialog: HTMLDialogElement, imageDialog: HTMLDialogElement, status: HTMLElement }} page
 * @returns {(file: File) => Promise<null | { name: string, send: () => Promise<{ url: string, alt: string, fileName: string } | null> }>}
 */
export function newPictures({ endpoint, token, altDialog, imageDialog, status }) {
  const say = (text, failed = false) => {
    status.textContent = text;
    status.classList.toggle("failed", failed);
    status.hidden = !text;
  };
  return async function prepare(file) {
    const alt = await askAlt(altDialog, file);
    if (!alt) return null;
    const name = file.name || "the pasted picture";
    return {
      name,
      async send() {
        say(`Uploading ${name}…`);
        try {
          const image = await uploadImage(endpoint, token(), file, alt);
          addImageChoice(imageDialog, image);
          say(`${image.fileName} is in the media library.`);
          return image;
        } catch (error) {
          say(`${name} was not uploaded: ${error.message}`, true);
          return null;
        }
      },
    };
  };
}
