/**
 * Why fflate could not decompress a gzip, zlib or zip file, in both languages: fflate's messages are
 * English, so the Chinese words come from its error codes and the English keeps its message.
 */
import { thrownMessage, type Words } from './problem.ts';

/** fflate's error codes (its FlateErrorCode) that decompression can raise, in Chinese. */
const ZH: Record<number, string> = {
  0: '数据在应有的结尾之前就断了（文件不完整？）',
  1: '压缩数据中有无效的块类型（文件已损坏？）',
  2: '压缩数据中有无效的长度或字面量（文件已损坏？）',
  3: '压缩数据中有无效的回溯距离（文件已损坏？）',
  6: '文件头无效（不是这种压缩格式，或文件已损坏）',
  8: '其中的文件名不是有效的 UTF-8',
  9: '文件头中的附加字段过长（文件已损坏？）',
  13: '找不到 zip 文件末尾的目录（文件不完整或已损坏？）',
  14: '使用了不支持的压缩方式（只支持 deflate 和不压缩）',
};

/** What went wrong in what fflate threw: Chinese words by its code, its own English message. */
export function flateWhy(e: unknown): Words {
  const code = (e as { code?: unknown } | null)?.code;
  const en = thrownMessage(e);
  const zh = typeof code === 'number' ? ZH[code] : undefined;
  // A zlib stream that needs a preset dictionary shares code 6 with a bad header.
  if (code === 6 && /dictionary/.test(en)) return { zh: '数据需要预设字典，无法解压', en };
  return { zh: zh ?? '压缩数据已损坏，无法解压', en };
}
