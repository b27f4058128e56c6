// How the inspection screens word things: a score, an answer, an item's limits, a list of names, a local date.
import type { TFunction } from 'i18next';
import type { Answer } from '../../../shared/checklist/score';
import type { ChecklistItem } from '../../../shared/checklist/schema';
import { pick } from '../../../shared/plan/labels';
import type { Language } from '../../../shared/plan/schema';

/** 85.5% — or a dash while nothing counts. */
export function percentText(percent: number | null, t: TFunction): string {
  return percent === null ? t('inspections.noScore') : t('inspections.percent', { percent });
}

/** The unit after a number: 天 without a space in Chinese, " days" in English. */
export function unitText(item: ChecklistItem, lang: Language): string {
  if (item.kind !== 'number' || !item.unit) return '';
  const unit = pick(item.unit, lang);
  return unit && lang === 'en' ? ` ${unit}` : unit;
}

/** A number item's limits in words (不低于 90天), or '' when it has none. */
export function limitsText(item: ChecklistItem, lang: Language, t: TFunction): string {
  if (item.kind !== 'number') return '';
  const unit = unitText(item, lang);
  if (item.min !== undefined && item.max !== undefined)
    return t('inspections.item.limitBoth', { min: item.min, max: item.max, unit });
  if (item.min !== undefined) return t('inspections.item.limitMin', { min: item.min, unit });
  if (item.max !== undefined) return t('inspections.item.limitMax', { max: item.max, unit });
  return '';
}

/** An answer as read back: 合格 / 4 分 / 120天 / 不适用 / the text itself. */
export function answerText(item: ChecklistItem, answer: Answer | undefined, lang: Language, t: TFunction): string {
  if (!answer) return t('inspections.item.results.unanswered');
  switch (answer.kind) {
    case 'yes-no':
      return t(`inspections.item.answers.${answer.value}`);
    case 'score':
      return t('inspections.item.scoreUnit', { value: answer.value });
    case 'number':
      return answer.value === null ? t('inspections.item.answers.na') : `${answer.value}${unitText(item, lang)}`;
    case 'text':
      return answer.value || t('inspections.none');
  }
}

/** Names in a list: 陈培训、李娜 / Chen, Li. */
export function namesText(names: readonly string[], lang: Language): string {
  return names.join(lang === 'en' ? ', ' : '、');
}
