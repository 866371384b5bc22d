/**
 * SHA-256 of bytes as lowercase hex (Web Crypto `crypto.subtle.digest`, present in browsers,
 * workers and Node >= 19): a model version id for the registry and the retrain log.
 * @example await sha256Hex(new Uint8Array()) // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let out = '';
  for (const b of digest) out += b.toString(16).padStart(2, '0');
  return out;
}
