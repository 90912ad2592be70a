// 统一社会信用代码 (GB 32100-2015): 18 characters from the code set below (no I, O, S, V, Z); the 18th is a check
// character over the first 17. The server checks more (positions 1–2) and its message is the one that counts;
// this only catches typing errors before a round trip.
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'

// Trimmed and upper-cased, as the server stores it.
export function normalizeCreditCode(raw: string): string {
  return raw.trim().toUpperCase()
}

// The check character for the first 17 characters, or null if one of them is not in the code set.
// Weights 3^(i-1) mod 31 for i = 1..17; check = (31 − Σ mod 31) mod 31.
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0
  let weight = 1
  for (const ch of first17) {
    const v = CREDIT_CODE_CHARS.indexOf(ch)
    if (v < 0) return null
    sum += v * weight
    weight = (weight * 3) % 31
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31] ?? null
}

// What is wrong with a code, in words, or null when it conforms.
export function creditCodeProblem(raw: string): string | null {
  const code = normalizeCreditCode(raw)
  if (!code) return '请输入统一社会信用代码'
  const length = [...code].length
  if (length !== 18) return `统一社会信用代码应为18位，当前为${length}位`
  for (let i = 0; i < 18; i++) {
    if (!CREDIT_CODE_CHARS.includes(code[i]!)) {
      return `统一社会信用代码第${i + 1}位字符“${code[i]}”不在允许的字符集中（数字及除 I、O、S、V、Z 外的大写字母）`
    }
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return '统一社会信用代码第18位校验码错误'
  return null
}
