// Copies text to the clipboard; false when the browser refuses (an insecure origin, no permission), so the caller
// can offer the text to copy by hand.
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
