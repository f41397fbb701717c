import { t } from '@passerelle/i18n/translate';

/** "12 000 sur 50 000 (24 %)": the progress line of the task page, in the reader's language. */
export function progressText(task: { done: number; total: number | null }, locale: string): string {
  const number = new Intl.NumberFormat(locale);
  if (!task.total) return t('task_status_running_unknown', { done: number.format(task.done) }, { locale });
  const percent = Math.min(100, Math.floor((task.done / task.total) * 100));
  return t('task_status_running', { done: number.format(task.done), total: number.format(task.total), percent: String(percent) }, { locale });
}
