import type { CapAction, InvoiceLineKind, Zone } from "../../domain/index.ts";

export type Locale = "fr" | "en";

/** Every word the invoice prints, in both languages of the lines file's `locale`. */
export interface Labels {
  readonly invoice: string;
  readonly account: string;
  readonly period: string;
  readonly invoiceNo: string;
  readonly status: Readonly<Record<string, string>>;
  readonly line: string;
  readonly description: string;
  readonly country: string;
  readonly quantity: string;
  readonly amount: string;
  readonly subtotal: string;
  readonly totalExcl: string;
  readonly vat: (rate: string) => string;
  readonly totalIncl: string;
  readonly credits: string;
  readonly creditNo: string;
  readonly balance: string;
  readonly schedule: string;
  readonly due: string;
  readonly notices: string;
  readonly noNotices: string;
  readonly caps: string;
  readonly noCaps: string;
  readonly page: (n: number, of: number) => string;
  readonly kind: Readonly<Record<InvoiceLineKind, string>>;
  readonly zone: Readonly<Record<Zone, string>>;
  readonly action: Readonly<Record<CapAction, string>>;
  readonly lateFrom: (period: string) => string;
  readonly unit: Readonly<Record<string, string>>;
  readonly notice: (kind: string, p: NoticeFigures) => string;
  readonly notBilled: string;
}

export interface NoticeFigures {
  readonly threshold: number | undefined;
  readonly capName: string | undefined;
  readonly country: string | undefined;
}

export const FR: Labels = {
  invoice: "Facture",
  account: "Compte",
  period: "Période",
  invoiceNo: "N° de facture",
  status: { draft: "BROUILLON", held: "RETENUE POUR VÉRIFICATION — NE PAS PAYER", approved: "APPROUVÉE, NON ÉMISE", issued: "", void: "ANNULÉE" },
  line: "Ligne",
  description: "Désignation",
  country: "Pays",
  quantity: "Quantité",
  amount: "Montant HT",
  subtotal: "Sous-total de la ligne",
  totalExcl: "Total HT",
  vat: (rate) => `TVA ${rate} %`,
  totalIncl: "Total TTC",
  credits: "Avoirs sur cette facture",
  creditNo: "Avoir",
  balance: "Reste dû TTC",
  schedule: "Échéancier de paiement",
  due: "Échéance",
  notices: "Alertes envoyées pendant la période",
  noNotices: "Aucune alerte n'a été envoyée pendant la période.",
  caps: "Plafonds en vigueur",
  noCaps: "Aucun plafond ne s'applique à cette ligne.",
  page: (n, of) => `Page ${n} sur ${of}`,
  kind: {
    subscription: "Abonnement",
    domestic_data: "Données mobiles",
    roaming_data: "Données mobiles",
    voice: "Appels",
    sms: "SMS",
    credit: "Avoir",
    adjustment: "Régularisation",
  },
  zone: {
    home: "réseau de l'opérateur",
    national: "réseaux nationaux",
    eu: "itinérance Union européenne",
    world: "itinérance hors UE",
    non_terrestrial: "réseaux non terrestres",
  },
  action: { block: "coupure au plafond", throttle: "débit réduit au-delà", notify: "alerte", hold: "facture retenue" },
  lateFrom: (period) => `consommation tardive de ${period}`,
  unit: { month: "mois", KiB: "Kio", MiB: "Mio", min: "min", SMS: "SMS" },
  notice: (kind, p) => {
    switch (kind) {
      case "roaming_welcome":
        return `Bienvenue en itinérance : ${p.country ?? ""}`;
      case "cap_warning":
        return `Alerte à ${p.threshold ?? ""} % : ${p.capName ?? ""}`;
      case "cap_reached":
        return `Plafond atteint : ${p.capName ?? ""}`;
      case "allowance_warning":
        return `Forfait consommé à ${p.threshold ?? ""} %`;
      case "allowance_used":
        return "Forfait épuisé";
      case "plan_migration":
        return "Changement d'offre annoncé";
      default:
        return kind;
    }
  },
  notBilled: "Consommation au-delà d'un plafond, enregistrée mais non facturée",
};

export const EN: Labels = {
  invoice: "Invoice",
  account: "Account",
  period: "Period",
  invoiceNo: "Invoice no.",
  status: { draft: "DRAFT", held: "HELD FOR REVIEW — DO NOT PAY", approved: "APPROVED, NOT ISSUED", issued: "", void: "VOID" },
  line: "Line",
  description: "Description",
  country: "Country",
  quantity: "Quantity",
  amount: "Amount excl. VAT",
  subtotal: "Line subtotal",
  totalExcl: "Total excl. VAT",
  vat: (rate) => `VAT ${rate} %`,
  totalIncl: "Total incl. VAT",
  credits: "Credit notes on this invoice",
  creditNo: "Credit note",
  balance: "Balance due incl. VAT",
  schedule: "Payment schedule",
  due: "Due",
  notices: "Notices sent in the period",
  noNotices: "No notice was sent in the period.",
  caps: "Caps in force",
  noCaps: "No cap applies to this line.",
  page: (n, of) => `Page ${n} of ${of}`,
  kind: {
    subscription: "Subscription",
    domestic_data: "Mobile data",
    roaming_data: "Mobile data",
    voice: "Calls",
    sms: "SMS",
    credit: "Credit",
    adjustment: "Adjustment",
  },
  zone: { home: "home network", national: "national networks", eu: "EU roaming", world: "roaming outside the EU", non_terrestrial: "non-terrestrial networks" },
  action: { block: "cut off at the cap", throttle: "slowed down beyond", notify: "warning", hold: "invoice held" },
  lateFrom: (period) => `late usage of ${period}`,
  unit: { month: "month" },
  notice: (kind, p) => {
    switch (kind) {
      case "roaming_welcome":
        return `Roaming welcome: ${p.country ?? ""}`;
      case "cap_warning":
        return `Warning at ${p.threshold ?? ""} %: ${p.capName ?? ""}`;
      case "cap_reached":
        return `Cap reached: ${p.capName ?? ""}`;
      case "allowance_warning":
        return `Allowance ${p.threshold ?? ""} % used`;
      case "allowance_used":
        return "Allowance used up";
      case "plan_migration":
        return "Plan change announced";
      default:
        return kind;
    }
  },
  notBilled: "Usage beyond a cap, recorded and not billed",
};

export function labelsFor(locale: Locale): Labels {
  return locale === "en" ? EN : FR;
}
