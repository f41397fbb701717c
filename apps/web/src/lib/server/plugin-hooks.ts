import { registerIdeasUserData } from '@passerelle/plugin-ideas/user-data';

// Server-side hooks that plugins add to the core (one line per plugin): their part of the account's
// data export and of account deletion.
registerIdeasUserData();
