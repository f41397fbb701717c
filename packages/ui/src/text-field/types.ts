export type TextFieldType =
  | 'text'
  | 'email'
  | 'password'
  | 'number'
  | 'date'
  | 'time'
  | 'datetime-local'
  | 'search'
  | 'tel'
  | 'url';

export type TextFieldWidth = 'full' | '20' | '10' | '5' | '4' | '3' | '2';
