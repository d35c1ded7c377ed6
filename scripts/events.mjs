// node scripts/events.mjs [b24restdocs git dir]
//
// Writes the list of documented Bitrix24 events, made from the event pages of bitrix24/b24restdocs
// (api-reference/**/<dir with "event" in its name>/*.md), to two committed files:
// - nodes/Bitrix24Trigger/eventCatalog.json: what the Bitrix24 Trigger offers;
// - test/emulator/catalog/events.json: the same list for the emulator, which never imports node code.
// Only facts are kept: the event name, its area, doc path, scope, the data paths of the page's example
// payload, whether only an application can receive it, whether the page is under "outdated". Labels are
// our own short words (GROUPS below and the verb of the name), not the docs' prose.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const docsGit = process.argv[2] ?? '/work/.mirror/bitrix24+b24restdocs/repo';
const commit = '5988ed13'; // the b24restdocs commit the committed list was made from

const git = (...args) => execFileSync('git', ['--git-dir', docsGit, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });

/** Area label per doc folder (the part before the events folder). Our own names. */
const GROUPS = {
	'booking/booking': 'Booking',
	'booking/resource': 'Booking Resource',
	'booking/resource/resource-type': 'Booking Resource Type',
	'booking/waitlist': 'Booking Waitlist',
	calendar: 'Calendar Section',
	'calendar/calendar-event': 'Calendar Event',
	'catalog/measure': 'Catalog Unit of Measure',
	'catalog/price': 'Catalog Price',
	'catalog/price-type': 'Catalog Price Type',
	'catalog/product': 'Catalog Product',
	'catalog/rounding-rule': 'Catalog Rounding Rule',
	'chat-bots/outdated': 'Chat Bot',
	'chat-bots/outdated/chats': 'Chat Bot',
	'chat-bots/outdated/commands': 'Chat Bot',
	'chat-bots/outdated/messages': 'Chat Bot',
	common: 'Application and Users',
	'crm/companies': 'Company',
	'crm/companies/userfields': 'Company Custom Field',
	'crm/contacts': 'Contact',
	'crm/contacts/userfield': 'Contact Custom Field',
	'crm/currency': 'CRM Currency',
	'crm/deals': 'Deal',
	'crm/deals/recurring-deals': 'Recurring Deal Template',
	'crm/deals/user-defined-fields': 'Deal Custom Field',
	'crm/document-generator/documents': 'CRM Document',
	'crm/leads': 'Lead',
	'crm/leads/userfield': 'Lead Custom Field',
	'crm/outdated/measure': 'CRM Unit of Measure (Old)',
	'crm/outdated/product-section': 'CRM Product Section (Old)',
	'crm/outdated/invoice': 'Invoice (Old)',
	'crm/outdated/products': 'CRM Product (Old)',
	'crm/quote': 'Quote',
	'crm/quote/user-field': 'Quote Custom Field',
	'crm/requisites': 'Requisite',
	'crm/timeline/activities': 'Activity',
	'crm/timeline/comments': 'Timeline Comment',
	'crm/universal': 'Smart Process Item',
	'crm/universal/events/type': 'Smart Process Type',
	'crm/universal/userfieldconfig': 'Smart Process Custom Field',
	events: 'Offline Events',
	'imopenlines/imconnector': 'Open Lines Connector',
	'imopenlines/openlines': 'Open Lines',
	log: 'Feed Post',
	sale: 'Sales Order',
	sign: 'E-Signature',
	'sonet-group': 'Workgroup',
	telephony: 'Telephony',
	'telephony/voximplant': 'Telephony',
	tasks: 'Task',
	'tasks/comment-item': 'Task Comment',
	'bizproc/bizproc-robot': 'Automation',
};

/** Finer groups inside a shared folder, by event name. */
const NAME_GROUPS = [
	[/^ONCRMREQUISITEUSERFIELD/, 'Requisite Custom Field'],
	[/^ONCRMBANKDETAIL/, 'Bank Details'],
	[/^ONCRMADDRESS/, 'Address'],
	[/^ONUSER/, 'User'],
	[/^ONAPP/, 'Application'],
	[/^ONCRMINVOICERECURRING/, 'Recurring Invoice (Old)'],
	[/^ONCRMINVOICEUSERFIELD/, 'Invoice Custom Field (Old)'],
	[/^ONCRMPRODUCTPROPERTY/, 'CRM Product Property (Old)'],
];

/** Our short labels for names whose verb is not a plain add/update/delete. */
const LABELS = {
	ONAPPINSTALL: 'Installed',
	ONAPPMETHODCONFIRM: 'Method Permission Granted',
	ONAPPPAYMENT: 'Paid',
	ONAPPUNINSTALL: 'Uninstalled',
	ONCRMADDRESSREGISTER: 'Registered',
	ONCRMADDRESSUNREGISTER: 'Unregistered',
	ONCRMDEALMOVETOCATEGORY: 'Moved to Another Pipeline',
	ONCRMDEALRECURRINGEXPOSE: 'Deal Made From Template',
	ONCRMINVOICERECURRINGEXPOSE: 'Invoice Made From Template',
	ONCRMINVOICESETSTATUS: 'Status Changed',
	ONIMBOTDELETE: 'Bot Deleted',
	ONIMBOTJOINCHAT: 'Bot Added to Chat',
	ONIMBOTMESSAGEADD: 'Message Received',
	ONIMBOTMESSAGEDELETE: 'Message Deleted',
	ONIMBOTMESSAGEUPDATE: 'Message Updated',
	ONIMCOMMANDADD: 'Command Received',
	ONIMCONNECTORDIALOGFINISH: 'Dialog Finished',
	ONIMCONNECTORDIALOGSTART: 'Dialog Started',
	ONIMCONNECTORLINEDELETE: 'Line Deleted',
	ONIMCONNECTORMESSAGEADD: 'Message Added',
	ONIMCONNECTORMESSAGEDELETE: 'Message Deleted',
	ONIMCONNECTORMESSAGEUPDATE: 'Message Updated',
	ONIMCONNECTORSTATUSDELETE: 'Connector Status Deleted',
	ONOFFLINEEVENT: 'Queue Changed',
	ONOPENLINEMESSAGEADD: 'Message Added',
	ONOPENLINEMESSAGEDELETE: 'Message Deleted',
	ONOPENLINEMESSAGEUPDATE: 'Message Updated',
	ONSESSIONFINISH: 'Session Finished',
	ONSESSIONSTART: 'Session Started',
	ONORDERDELETED: 'Order Deleted',
	ONORDERENTITYSAVED: 'Order Saved',
	ONPAYMENTDELETED: 'Payment Deleted',
	ONPAYMENTENTITYSAVED: 'Payment Saved',
	ONPROPERTYVALUEDELETED: 'Order Property Deleted',
	ONPROPERTYVALUEENTITYSAVED: 'Order Property Saved',
	ONSALEBEFOREORDERDELETE: 'Order About to Be Deleted',
	ONSALEORDERSAVED: 'Order Saving Finished',
	ONSHIPMENTDELETED: 'Shipment Deleted',
	ONSHIPMENTENTITYSAVED: 'Shipment Saved',
	ONSIGNB2EDOCUMENTSTATUSCHANGED: 'Document Status Changed',
	ONSIGNB2EMEMBERSTATUSCHANGED: 'Signer Status Changed',
	ONSIGNHCMLINKB2EDOCUMENTSIGNED: 'HR Document Signed',
	ONEXTERNALCALLBACKSTART: 'Callback Requested',
	ONEXTERNALCALLSTART: 'Outgoing Call Started (Click to Call)',
	ONVOXIMPLANTCALLEND: 'Call Ended',
	ONVOXIMPLANTCALLINIT: 'Call Initialized',
	ONVOXIMPLANTCALLSTART: 'Call Started',
};

const VERBS = [
	[/SETENUMVALUES$/, 'List Values Changed'],
	[/(ADD|\.ON\.ADD)$/, 'Created'],
	[/(UPDATE|\.ON\.UPDATE)$/, 'Updated'],
	[/(DELETE|\.ON\.DELETE)$/, 'Deleted'],
];

/** Words of a camelCase event name without the leading "on" (onCrmDealMoveToCategory -> Crm Deal Move To Category). */
function words(camel) {
	return camel
		.replace(/^on/i, '')
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.trim();
}

const EVENT_NAME = /^(ON[A-Z0-9_]+|[A-Z]+(\.[A-Z]+)*\.ON\.[A-Z]+)$/;

function dataPaths(value, prefix, out) {
	if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
		// numeric keys are IDs of the example (data.BOT.571): shown as {id}
		for (const [k, v] of Object.entries(value)) dataPaths(v, `${prefix}.${/^\d+$/.test(k) ? '{id}' : k}`, out);
	} else if (Array.isArray(value) && value.length) {
		dataPaths(value[0], `${prefix}[]`, out);
	} else {
		out.push(prefix);
	}
	return out;
}

/** The page's example payload: the first JSON block carrying "event" and "data". */
function examplePayload(text) {
	for (const [, block] of text.matchAll(/```json\s*\n([\s\S]*?)```/g)) {
		try {
			const parsed = JSON.parse(block);
			if (parsed && typeof parsed === 'object' && 'event' in parsed) return parsed;
		} catch {
			// some examples carry comments or ellipses; the name still comes from the title
		}
	}
	return undefined;
}

const files = git('ls-tree', '-r', '--name-only', commit, 'api-reference')
	.split('\n')
	.filter((f) => /\/[^/]*event[^/]*\/.*\.md$/i.test(f) && !f.endsWith('/index.md'))
	// JavaScript events of a placement page, not REST events
	.filter((f) => !f.includes('/page-background-worker/'));

const events = [];
for (const doc of files) {
	const text = git('show', `${commit}:${doc}`);
	const titleToken = (/^# .*?(\S+)\s*$/m.exec(text) ?? [])[1] ?? '';
	const example = examplePayload(text);
	const fromExample = typeof example?.event === 'string' ? example.event.toUpperCase() : '';
	const fromFile = posix.basename(doc, '.md').replace(/-/g, '').toUpperCase();
	const name = [fromExample, titleToken.toUpperCase(), fromFile].find((n) => EVENT_NAME.test(n) && n !== 'ONOFFLINEEVENTS');
	// one page per event, named on-*.md (catalog: *-on-*.md); method and format pages are skipped
	if (!name || !/^on-|-on-/i.test(posix.basename(doc))) continue;
	// folder of the area: drop api-reference/ and the events folder (plus anything below it)
	const area = doc.replace(/^api-reference\//, '').replace(/\/[^/]*event[^/]*\/[^/]*\.md$/i, '').replace(/\/[^/]*\.md$/, '');
	const special = NAME_GROUPS.find(([re]) => re.test(name));
	const group = special?.[1] ?? GROUPS[doc.includes('/universal/events/type/') ? 'crm/universal/events/type' : area] ?? GROUPS[area.split('/')[0]];
	if (!group) throw new Error(`No group for ${doc} (area ${area}): add it to GROUPS`);
	const verb = VERBS.find(([re]) => re.test(name))?.[1];
	const camel = /^on/i.test(titleToken) && titleToken.toUpperCase() === name ? titleToken : '';
	const label = LABELS[name] ?? verb ?? (camel ? words(camel) : name);
	const scope = (/^> Scope: \[`([^`]+)`/m.exec(text) ?? [])[1] ?? '';
	const appOnly =
		/only[^.]*(context of|through|works within)[^.]*(application|chat[- ]bot)|application that registered|only subscribe to the event from the \[application/i.test(text) ||
		/^(imopenlines\/imconnector|chat-bots)/.test(area) ||
		/^ONAPP|^ONOFFLINEEVENT$/.test(name);
	const payload = example?.data ? [...new Set(dataPaths(example.data, 'data', []))].slice(0, 40) : [];
	events.push({
		name,
		group,
		label,
		doc,
		scope,
		payload,
		appOnly,
		deprecated: doc.includes('/outdated/'),
	});
}

const seen = new Map();
for (const e of events) {
	if (seen.has(e.name)) throw new Error(`${e.name} documented twice: ${seen.get(e.name)} and ${e.doc}`);
	seen.set(e.name, e.doc);
}
events.sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name));

const out = { source: `bitrix24/b24restdocs@${commit}`, generatedBy: 'scripts/events.mjs', events };
const json = `${JSON.stringify(out, null, '\t')}\n`;
writeFileSync(join(root, 'nodes', 'Bitrix24Trigger', 'eventCatalog.json'), json);
writeFileSync(join(root, 'test', 'emulator', 'catalog', 'events.json'), json);
const current = events.filter((e) => !e.deprecated);
console.log(`${events.length} events (${current.length} current, ${current.filter((e) => !e.appOnly).length} current without an app context)`);
