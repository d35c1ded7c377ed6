// CRM field metadata and the UPPER_CASE <-> camelCase mapping used by crm.item.*.
import type { FieldDef } from '../core';

const f = (type: string, title: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type, title, isRequired: false, isReadOnly: false, isImmutable: false, isMultiple: false, isDynamic: false, ...extra });
const ro = (type: string, title: string): FieldDef => f(type, title, { isReadOnly: true });
const multi = (title: string): FieldDef => f('crm_multifield', title, { isMultiple: true });
/** A crm.status value; statusType names its ENTITY_ID (crm/deals/crm-deal-fields.md). */
const status = (title: string, statusType: string): FieldDef => f('crm_status', title, { statusType });

const COMMON: Record<string, FieldDef> = {
	ID: ro('integer', 'ID'),
	ASSIGNED_BY_ID: f('user', 'Responsible'),
	CREATED_BY_ID: ro('user', 'Created by'),
	MODIFY_BY_ID: ro('user', 'Modified by'),
	DATE_CREATE: ro('datetime', 'Created'),
	DATE_MODIFY: ro('datetime', 'Modified'),
	OPENED: f('char', 'Available to everyone'),
	COMMENTS: f('string', 'Comment'),
	ORIGINATOR_ID: f('string', 'External source'),
	ORIGIN_ID: f('string', 'Item ID in data source'),
	SOURCE_ID: status('Source', 'SOURCE'),
	SOURCE_DESCRIPTION: f('string', 'Source information'),
};
const MULTI = { PHONE: multi('Phone'), EMAIL: multi('E-mail'), WEB: multi('Website'), IM: multi('Messenger'), LINK: multi('Link') };
const PERSON = { NAME: f('string', 'Name'), LAST_NAME: f('string', 'Last name'), SECOND_NAME: f('string', 'Second name'), HONORIFIC: status('Salutation', 'HONORIFIC'), POST: f('string', 'Position'), BIRTHDATE: f('date', 'Date of birth'), ADDRESS: f('string', 'Address') };
const MONEY = { OPPORTUNITY: f('double', 'Amount'), CURRENCY_ID: f('crm_currency', 'Currency') };
const STAGED = { STAGE_ID: status('Stage', 'DEAL_STAGE'), CATEGORY_ID: f('crm_category', 'Pipeline'), STAGE_SEMANTIC_ID: ro('string', 'Stage group'), BEGINDATE: f('date', 'Start date'), CLOSEDATE: f('date', 'End date'), CLOSED: f('char', 'Closed') };

export const SCHEMA: Record<string, Record<string, FieldDef>> = {
	lead: { ...COMMON, TITLE: f('string', 'Lead name'), ...PERSON, STATUS_ID: status('Stage', 'STATUS'), STATUS_SEMANTIC_ID: ro('string', 'Status semantics'), STATUS_DESCRIPTION: f('string', 'Status information'), ...MONEY, COMPANY_TITLE: f('string', 'Company name'), COMPANY_ID: f('crm_company', 'Company'), CONTACT_ID: f('crm_contact', 'Contact'), ...MULTI },
	// a deal's pipeline is chosen when it is created: CATEGORY_ID is isImmutable (crm-deal-fields.md)
	deal: { ...COMMON, TITLE: f('string', 'Name'), TYPE_ID: status('Type', 'DEAL_TYPE'), ...STAGED, CATEGORY_ID: f('crm_category', 'Pipeline', { isImmutable: true }), PROBABILITY: f('integer', 'Probability'), ...MONEY, COMPANY_ID: f('crm_company', 'Company'), CONTACT_ID: f('crm_contact', 'Contact'), LEAD_ID: ro('crm_lead', 'Lead'), IS_RECURRING: f('char', 'Recurring') },
	contact: { ...COMMON, ...PERSON, TYPE_ID: status('Contact type', 'CONTACT_TYPE'), COMPANY_ID: f('crm_company', 'Company'), LEAD_ID: ro('crm_lead', 'Lead'), EXPORT: f('char', 'Export'), ...MULTI },
	company: { ...COMMON, TITLE: f('string', 'Company name', { isRequired: true }), COMPANY_TYPE: status('Company type', 'COMPANY_TYPE'), INDUSTRY: status('Industry', 'INDUSTRY'), EMPLOYEES: status('Employees', 'EMPLOYEES'), REVENUE: f('double', 'Annual revenue'), CURRENCY_ID: f('crm_currency', 'Currency'), ADDRESS: f('string', 'Address'), LEAD_ID: ro('crm_lead', 'Lead'), ...MULTI },
	quote: { ...COMMON, TITLE: f('string', 'Name'), STATUS_ID: status('Status', 'QUOTE_STATUS'), QUOTE_NUMBER: ro('string', 'Estimate #'), ...MONEY, DEAL_ID: f('crm_deal', 'Deal'), COMPANY_ID: f('crm_company', 'Company'), CONTACT_ID: f('crm_contact', 'Contact'), BEGINDATE: f('date', 'Date'), CLOSEDATE: f('date', 'Expiration date'), CLOSED: f('char', 'Closed') },
	invoice: { ...COMMON, TITLE: f('string', 'Name'), ...STAGED, STAGE_ID: status('Stage', 'SMART_INVOICE_STAGE_0'), ...MONEY, COMPANY_ID: f('crm_company', 'Company'), CONTACT_ID: f('crm_contact', 'Contact'), ACCOUNT_NUMBER: f('string', 'Invoice #') },
	dynamic: { ...COMMON, TITLE: f('string', 'Name'), ...STAGED, ...MONEY, COMPANY_ID: f('crm_company', 'Company'), CONTACT_ID: f('crm_contact', 'Contact') },
};

export function schemaFor(table: string): Record<string, FieldDef> {
	return SCHEMA[table] || SCHEMA.dynamic;
}

/** Stored UPPER names whose crm.item name is not the plain camelCase form. */
const TO_CAMEL: Record<string, string> = {
	ID: 'id',
	DATE_CREATE: 'createdTime',
	DATE_MODIFY: 'updatedTime',
	CREATED_BY_ID: 'createdBy',
	MODIFY_BY_ID: 'updatedBy',
	OPENED: 'opened',
};
const FROM_CAMEL: Record<string, string> = Object.fromEntries(Object.entries(TO_CAMEL).map(([k, v]) => [v, k]));

function camel(words: string[]): string {
	return words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');
}

/** UF_CRM_* -> crm.item name (docs §10): UF_CRM_10_123 -> ufCrm10_123, UF_CRM_10_DIGIT -> ufCrm10Digit, mixed -> ufCrm_... */
export function ufToCamel(name: string): string {
	const tail = name.replace(/^UF_CRM_/, '');
	let m = /^(\d+)_(\d+)$/.exec(tail);
	if (m) return `ufCrm${m[1]}_${m[2]}`;
	m = /^(\d+)_([A-Z]+(?:_[A-Z]+)*)$/.exec(tail);
	if (m) return `ufCrm${m[1]}${camel(['x', ...m[2].split('_')]).slice(1)}`;
	if (/^[A-Z]+(?:_[A-Z]+)*$/.test(tail)) return `ufCrm${camel(['x', ...tail.split('_')]).slice(1)}`;
	return `ufCrm_${tail}`;
}

export function ufFromCamel(name: string): string {
	if (name.startsWith('ufCrm_')) return `UF_CRM_${name.slice(6)}`;
	const rest = name.slice(5);
	const m = /^(\d*)(.*)$/.exec(rest) as RegExpExecArray;
	const digits = m[1];
	const r = m[2];
	if (r.startsWith('_')) return `UF_CRM_${digits}${r.toUpperCase()}`;
	const snake = r.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
	return ['UF_CRM', digits, snake].filter(Boolean).join('_');
}

export function toCamel(upper: string, originalUf = false): string {
	if (TO_CAMEL[upper]) return TO_CAMEL[upper];
	if (upper.startsWith('UF_')) return originalUf ? upper : ufToCamel(upper);
	return camel(upper.split('_'));
}

export function fromCamel(name: string): string {
	if (FROM_CAMEL[name]) return FROM_CAMEL[name];
	if (name.startsWith('UF_')) return name;
	if (name.startsWith('ufCrm')) return ufFromCamel(name);
	if (/^[A-Z0-9_]+$/.test(name)) return name;
	return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export const TYPE_NAMES: Record<number, string> = { 1: 'LEAD', 2: 'DEAL', 3: 'CONTACT', 4: 'COMPANY', 7: 'QUOTE', 31: 'SMART_INVOICE' };
export const MULTIFIELDS = ['PHONE', 'EMAIL', 'WEB', 'IM', 'LINK'];

export const DEFAULT_STATUSES: Record<string, Array<[string, string, string?]>> = {
	STATUS: [['NEW', 'Unassigned'], ['IN_PROCESS', 'In progress'], ['PROCESSED', 'Processed'], ['CONVERTED', 'Good lead', 'S'], ['JUNK', 'Junk lead', 'F']],
	DEAL_STAGE: [['NEW', 'New'], ['PREPARATION', 'Document preparation'], ['PREPAYMENT_INVOICE', 'Invoice'], ['EXECUTING', 'In progress'], ['FINAL_INVOICE', 'Final invoice'], ['WON', 'Deal won', 'S'], ['LOSE', 'Deal lost', 'F'], ['APOLOGY', 'Analyze failure', 'F']],
	QUOTE_STATUS: [['DRAFT', 'New'], ['SENT', 'Sent to client'], ['RECEIVED', 'Received'], ['APPROVED', 'Approved', 'S'], ['DECLAINED', 'Declined', 'F']],
	SOURCE: [['CALL', 'Call'], ['EMAIL', 'E-Mail'], ['WEB', 'Website'], ['ADVERTISING', 'Advertising'], ['PARTNER', 'Existing client'], ['RECOMMENDATION', 'By recommendation'], ['TRADE_SHOW', 'Show/Exhibition'], ['WEBFORM', 'CRM form'], ['OTHER', 'Other']],
	CONTACT_TYPE: [['CLIENT', 'Clients'], ['SUPPLIER', 'Suppliers'], ['PARTNER', 'Partners'], ['OTHER', 'Other']],
	COMPANY_TYPE: [['CUSTOMER', 'Client'], ['SUPPLIER', 'Supplier'], ['COMPETITOR', 'Competitor'], ['PARTNER', 'Partner'], ['OTHER', 'Other']],
	EMPLOYEES: [['EMPLOYEES_1', 'fewer than 50'], ['EMPLOYEES_2', '50-250'], ['EMPLOYEES_3', '250-500'], ['EMPLOYEES_4', 'over 500']],
	INDUSTRY: [['IT', 'Information Technology'], ['TELECOM', 'Telecommunication'], ['MANUFACTURING', 'Manufacturing'], ['BANKING', 'Banking Services'], ['CONSULTING', 'Consulting'], ['FINANCE', 'Finance'], ['GOVERNMENT', 'Government'], ['DELIVERY', 'Delivery'], ['ENTERTAINMENT', 'Entertainment'], ['NOTPROFIT', 'Not for profit'], ['OTHER', 'Other']],
	DEAL_TYPE: [['SALE', 'Sales'], ['COMPLEX', 'Complex sale'], ['GOODS', 'Merchandise sales'], ['SERVICES', 'Services sales'], ['SERVICE', 'After-sales service']],
	HONORIFIC: [['HNR_EN_1', 'Mr.'], ['HNR_EN_2', 'Mrs.'], ['HNR_EN_3', 'Ms.'], ['HNR_EN_4', 'Dr.']],
	CALL_LIST: [['IN_WORK', 'In progress'], ['SUCCESS', 'Successful', 'S'], ['WRONG_NUMBER', 'Wrong number', 'F'], ['STOP', 'Stop calling', 'F']],
	SMART_INVOICE_STAGE_0: [['DT31_1:N', 'New'], ['DT31_1:S', 'Sent', 'S'], ['DT31_1:P', 'Paid', 'S'], ['DT31_1:D', 'Declined', 'F']],
};
