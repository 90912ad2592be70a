// Every download of the platform goes through here (DownloadLink): the file is fetched with the session and saved
// under the name the server gives; a refusal is thrown with the server's Chinese message instead of being saved.
import { fetchFile } from '@/api/http'

// The name in a Content-Disposition header: the UTF-8 `filename*` the server sends for Chinese names, else the plain
// `filename` (the server's plain one is "download", a placeholder: `fallback` is preferred to it), else `fallback`.
export function fileNameFrom(disposition: string | null | undefined, fallback = ''): string {
  const header = disposition ?? ''
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star) {
    try {
      const name = decodeURIComponent(star[1]!.trim())
      if (name) return name
    } catch {
      // a malformed escape: try the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(header)
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim()
  if (fallback && (!name || name === 'download')) return fallback
  return name || fallback || 'download'
}

// Fetches the file and hands it to the browser to save; throws (ApiError) when the server refuses.
export async function downloadFile(url: string, fallbackName = ''): Promise<string> {
  const { blob, disposition } = await fetchFile(url)
  const name = fileNameFrom(disposition, fallbackName)
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = name
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoked later: revoking at once may cancel the save in some browsers.
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
  return name
}
