import type { Context } from '@passerelle/trpc';

declare global {
  namespace App {
    interface Locals {
      /** The tRPC context of this request: actor, permissions, locale, db. */
      ctx: Context;
      requestId: string;
    }
    interface Error {
      message: string;
      code?: string;
      requestId?: string;
    }
    interface PageData {
      locale: string;
    }
  }
}

export {};
