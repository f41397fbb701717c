export type NoticeVariant = 'info' | 'success' | 'warning' | 'error';
