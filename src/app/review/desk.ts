import { type CreditInput, contact, credit, type PlanInput, paymentPlan, release, showCase, voidInvoice } from "./actions.ts";
import type { DeskDeps } from "./deps.ts";
import { type MigrationInput, migrate } from "./migrate.ts";
import { invoicePdfBytes } from "./pdf.ts";
import { callQueue, heldList } from "./queue.ts";
import { rerate, waive } from "./settle.ts";
import { type SimulationInput, simulate } from "./simulate.ts";

/**
 * The review desk: held invoices and what a reviewer does with them (release, void, credit
 * notes, re-rating, waivers, payment plans, contacts), the contact queue, the invoice PDF, and
 * plan migrations (simulate, then schedule at a cycle boundary). Every action is one
 * transaction recorded with who, when and why; refusals are `UserError`s with stable codes.
 */
export class ReviewDesk {
  constructor(
    private readonly deps: DeskDeps,
    /** Throws where migrations cannot run (a front end of partitioned engines). */
    private readonly mayMigrate: () => void = () => {},
  ) {}

  held() {
    return heldList(this.deps);
  }
  queue() {
    return callQueue(this.deps);
  }
  show(invoiceId: string) {
    return showCase(this.deps, invoiceId);
  }
  release(invoiceId: string, reason: string | undefined, actor: string) {
    return release(this.deps, invoiceId, reason, actor);
  }
  void(invoiceId: string, reason: string | undefined, actor: string) {
    return voidInvoice(this.deps, invoiceId, reason, actor);
  }
  credit(invoiceId: string, input: CreditInput, actor: string) {
    return credit(this.deps, invoiceId, input, actor);
  }
  rerate(invoiceId: string, planId: string, reason: string | undefined, actor: string) {
    return rerate(this.deps, invoiceId, planId, reason, actor);
  }
  waive(invoiceId: string, cap: string | undefined, reason: string | undefined, actor: string) {
    return waive(this.deps, invoiceId, cap, reason, actor);
  }
  paymentPlan(invoiceId: string, input: PlanInput, actor: string) {
    return paymentPlan(this.deps, invoiceId, input, actor);
  }
  contact(invoiceId: string, input: { outcome: string; note?: string | undefined }, actor: string) {
    return contact(this.deps, invoiceId, input, actor);
  }
  pdf(invoiceId: string, locale: string | undefined) {
    return invoicePdfBytes(this.deps, invoiceId, locale);
  }
  simulate(input: SimulationInput) {
    return simulate(this.deps, input);
  }
  migrate(input: MigrationInput) {
    this.mayMigrate();
    return migrate(this.deps, input);
  }
}
