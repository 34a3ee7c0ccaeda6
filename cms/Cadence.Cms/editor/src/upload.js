// Sending a picture from the post editor to the media library, with its description, in one request.
// The server (the media library's "Upload" handler) checks the file and answers JSON: where the picture now lives,
// or a problem whose title says in plain words why it was refused.

/** The pictures among dropped or pasted files. */
export const imagesIn = (files) => [...(files ?? [])].filter((file) => file.type.startsWith("image/"));

/**
 * @returns {Promise<{ url: string, alt: string, fileName: string }>}
 * @throws {Error} with a message to show as it is.
 */
export async function uploadImage(endpoint, token, file, alt) {
  const data = new FormData();
  // A pasted screenshot may have no name; the server names the file after it.
  data.append("Upload", file, file.name || "picture." + (file.type.split("/")[1] || "png"));
  data.append("Alt", alt);
  data.append("__RequestVerificationToken", token);
  let response;
  try {
    response = await fetch(endpoint, { method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" } });
  } catch {
    throw new Error("The picture could not be sent. Check the connection and try again.");
  }
  const answer = await response.json().catch(() => null);
  if (response.status === 400 && !answer) throw new Error("The page has expired. Save your work, reload the page and try again.");
  if (!response.ok || !answer?.url) throw new Error(answer?.title ?? `The picture could not be uploaded (error ${response.status}).`);
  return answer;
}
