// Words a checklist diff line uses for the format's own vocabulary (data beside its types, as the messages index
// asks): how an item is answered, and each field's name.
import { text, type Text } from '../text';
import type { ItemKind } from './vocabulary';

/** How an item is answered, as the diff names it. */
export const CHECKLIST_ITEM_KIND_LABELS: Readonly<Record<ItemKind, Text>> = {
  'yes-no': text('是否题', 'yes / no'),
  score: text('评分题', 'score'),
  number: text('数值题', 'number'),
  text: text('文字记录', 'text'),
};

/**
 * The names of a template's fields as a diff line says them (`text.zh-CN` → 内容（中文）). Data, not messages: one per
 * field of the checklist format; a field without a name here is shown as written.
 */
export const CHECKLIST_FIELD_LABELS: Readonly<Record<string, Text>> = {
  schemaVersion: text('格式版本', 'schema version'),
  kind: text('作答方式', 'answer kind'),
  id: text('编号', 'id'),
  version: text('版本', 'version'),
  use: text('用途', 'use'),
  title: text('标题', 'title'),
  shortTitle: text('简称', 'short title'),
  summary: text('摘要', 'summary'),
  basis: text('制度依据', 'basis'),
  passScore: text('合格总分（%）', 'pass score (%)'),
  text: text('内容', 'text'),
  guidance: text('检查方法', 'guidance'),
  weight: text('权重', 'weight'),
  critical: text('否决项', 'critical'),
  photo: text('须拍照', 'photo required'),
  evidence: text('整改验收要求', 'evidence to close'),
  rectifyDays: text('整改期限（天）', 'days to rectify'),
  max: text('最高值', 'maximum'),
  passAt: text('合格分', 'pass at'),
  min: text('最低值', 'minimum'),
  unit: text('单位', 'unit'),
  allowNa: text('可答“不适用”', '"not applicable" allowed'),
};
