export type ButtonVariant = 'primary' | 'secondary' | 'warning';
