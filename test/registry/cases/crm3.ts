import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import { createdIn, one } from './catalog';
import { seededRows } from './seed';
import type { Cases } from './types';

/** Cases of document generation (crm.documentgenerator.*, documentgenerator.*), activity extras, requisite templates and timeline assets. */

/** Puts a documented-shape record into a generically answered family; returns its ID. */
const seeded = (portal: Portal, table: string, record: IDataObject): string => String(portal.emu.store.insert(`generic:${table}`, record).ID);

/** One output item per field, as the documented field lists name them. */
const fieldList =
	(...names: string[]) =>
	(items: IDataObject[]) => {
		expect(items.map((item) => item.field)).toEqual(expect.arrayContaining(names));
		for (const item of items) expect(Object.keys(item).length).toBeGreaterThan(1);
	};
const deletedId = (id: () => string) => one((item) => expect(item).toEqual({ id: id(), deleted: true }));
const updatedId = (id: () => string) => one((item) => expect(item).toEqual({ id: id(), updated: true }));
const createdId = one((item) => expect(Number(item.id)).toBeGreaterThan(0));
let portalRef: Portal;
const use = (portal: Portal) => (portalRef = portal);
const created = (table: string) => createdIn(() => portalRef, table);

/** IDs seeded by a case's parameters, read back by its checks. */
const ids: Record<string, string> = {};
const remember = (key: string, id: string): string => (ids[key] = id);

/** Input items' binary data: a file under the field `field`. */
const file = (field: string, fileName: string, mimeType: string, text: string): IBinaryKeyData => ({ [field]: { data: Buffer.from(text).toString('base64'), mimeType, fileName } });
const b64 = (text: string) => Buffer.from(text).toString('base64');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// ---------- CRM document generation ----------

const crmDocuments: Cases = {
	'crmGeneratedDocument.update': {
		parameters: (portal) => ({
			id: remember('crmDoc', seeded(portal, 'crm.documentgenerator.document', { document: { title: 'Offer 17', number: '17', templateId: '39' } })),
			updateFields: { values: '{"DocumentTitle": "Offer 18"}', stampsEnabled: true },
		}),
		request: (params) => expect(params).toEqual({ id: ids.crmDoc, values: { DocumentTitle: 'Offer 18' }, stampsEnabled: 1 }),
		// crm-document-generator-document-update.md: result.document, the changed document
		output: one((item) => {
			expect(String(item.id)).toBe(ids.crmDoc);
			expect(item).toMatchObject({ title: 'Offer 17', number: '17', templateId: '39', values: { DocumentTitle: 'Offer 18' } });
		}),
	},
	'crmGeneratedDocument.delete': {
		parameters: (portal) => ({ id: remember('crmDocDel', seeded(portal, 'crm.documentgenerator.document', { document: { title: 'Old offer' } })) }),
		request: (params) => expect(params).toEqual({ id: ids.crmDocDel }),
		output: deletedId(() => ids.crmDocDel),
	},
	'crmGeneratedDocument.enablePublicUrl': {
		parameters: { id: '61', status: 1 },
		request: (params) => expect(params).toEqual({ id: '61', status: 1 }),
		// crm-document-generator-document-enable-public-url.md: result.publicUrl
		output: one((item) => expect(item).toEqual({ id: '61', publicUrl: expect.any(String) })),
	},
	'crmGeneratedDocument.getFields': {
		parameters: { id: '61', options: { values: '{"DocumentNumber": "17"}' } },
		request: (params) => expect(params).toEqual({ id: '61', values: { DocumentNumber: '17' } }),
		// crm-document-generator-document-get-fields.md: result.documentFields keyed by field code
		output: (items) => {
			fieldList('DocumentNumber', 'MyCompanyUfLogo')(items);
			expect(items).toContainEqual(expect.objectContaining({ field: 'DocumentNumber', title: 'Number', required: 'Y' }));
		},
	},
	'crmGeneratedDocument.upload': {
		parameters: { entityTypeId: 2, entityId: '1', title: 'Signed offer', number: '17', region: 'de', binaryPropertyName: 'docx', additionalFields: { pdfBinaryPropertyName: 'pdf' } },
		binary: [{ ...file('docx', 'offer.docx', DOCX, 'docx bytes'), ...file('pdf', 'offer.pdf', 'application/pdf', 'pdf bytes') }],
		request: (params) =>
			expect(params).toEqual({
				fields: { entityTypeId: 2, entityId: '1', title: 'Signed offer', number: '17', region: 'de', fileContent: b64('docx bytes'), pdfContent: b64('pdf bytes') },
			}),
		// crm-document-generator-document-upload.md: result.document, the uploaded document
		output: one((item) => {
			for (const key of ['id', 'title', 'number', 'downloadUrl', 'createTime']) expect(item).toHaveProperty(key);
		}),
	},
	'crmDocumentTemplate.create': {
		parameters: {
			name: 'Offer',
			binaryPropertyName: 'data',
			numeratorId: 3,
			region: 'de',
			entityTypeIds: '2, 7',
			additionalFields: { users: 'UA', active: true, withStamps: false, sort: 100 },
		},
		binary: [file('data', 'offer.docx', DOCX, 'template bytes')],
		request: (params) =>
			expect(params).toEqual({
				fields: { name: 'Offer', file: ['offer.docx', b64('template bytes')], numeratorId: 3, region: 'de', entityTypeId: ['2', '7'], users: ['UA'], active: 'Y', withStamps: 'N', sort: 100 },
			}),
		// crm-document-generator-template-add.md: result.template, the new template
		output: one((item) => expect(item).toMatchObject({ id: expect.stringMatching(/^\d+$/), name: 'Offer', region: 'de', active: 'Y', withStamps: 'N', numeratorId: '3' })),
	},
	'crmDocumentTemplate.get': {
		parameters: (portal) => ({ id: remember('crmTpl', seeded(portal, 'crm.documentgenerator.template', { name: 'Invoice', region: 'de', active: 'Y', numeratorId: '3' })) }),
		request: (params) => expect(params).toEqual({ id: ids.crmTpl }),
		output: one((item) => expect(item).toMatchObject({ id: ids.crmTpl, name: 'Invoice', region: 'de', active: 'Y' })),
	},
	'crmDocumentTemplate.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'crm.documentgenerator.template', [
				{ ID: 37, name: 'Act', region: 'de', active: 'Y' },
				{ ID: 38, name: 'Offer', region: 'fr', active: 'Y' },
			]);
			return { returnAll: true };
		},
		request: (params) => expect(params).toEqual({ start: 0 }),
		// crm-document-generator-template-list.md: result.templates keyed by ID; every key becomes an item, in order
		output: (items) => {
			expect(items.map((item) => item.id)).toEqual(['37', '38']);
			expect(items[0]).toMatchObject({ id: '37', name: 'Act', region: 'de' });
			expect(items[1]).toMatchObject({ id: '38', name: 'Offer', region: 'fr' });
		},
	},
	'crmDocumentTemplate.update': {
		parameters: (portal) => ({
			id: remember('crmTplUpd', seeded(portal, 'crm.documentgenerator.template', { name: 'Invoice', region: 'de', active: 'Y' })),
			updateFields: { name: 'Invoice 2026', active: false },
		}),
		request: (params) => expect(params).toEqual({ id: ids.crmTplUpd, fields: { name: 'Invoice 2026', active: 'N' } }),
		output: one((item) => expect(item).toMatchObject({ id: ids.crmTplUpd, name: 'Invoice 2026', active: 'N', region: 'de' })),
	},
	'crmDocumentTemplate.delete': {
		parameters: (portal) => ({ id: remember('crmTplDel', seeded(portal, 'crm.documentgenerator.template', { name: 'Draft' })) }),
		request: (params) => expect(params).toEqual({ id: ids.crmTplDel }),
		output: deletedId(() => ids.crmTplDel),
	},
	'crmDocumentTemplate.getFields': {
		parameters: { id: '39', entityTypeId: 2, options: { entityId: '1' } },
		request: (params) => expect(params).toEqual({ id: '39', entityTypeId: 2, entityId: '1' }),
		// crm-document-generator-template-get-fields.md: result.templateFields keyed by field code
		output: (items) => {
			fieldList('DocumentNumber', 'MyCompanyUfLogo')(items);
			expect(items).toContainEqual(expect.objectContaining({ field: 'MyCompanyUfLogo', type: 'IMAGE' }));
		},
	},
	'crmDocumentNumerator.create': {
		parameters: { name: 'Offers', template: 'OF-{NUMBER}', additionalFields: { settings: '{"Bitrix_Main_Numerator_Generator_SequentNumberGenerator": {"start": 10, "step": 1}}' } },
		request: (params) =>
			expect(params).toEqual({ fields: { name: 'Offers', template: 'OF-{NUMBER}', settings: { Bitrix_Main_Numerator_Generator_SequentNumberGenerator: { start: 10, step: 1 } } } }),
		// crm-document-generator-numerator-add.md: result.numerator
		output: one((item) =>
			expect(item).toMatchObject({ id: expect.any(Number), name: 'Offers', template: 'OF-{NUMBER}', settings: { Bitrix_Main_Numerator_Generator_SequentNumberGenerator: { start: 10, step: 1 } } }),
		),
	},
	'crmDocumentNumerator.get': {
		parameters: (portal) => ({ id: remember('crmNum', seeded(portal, 'crm.documentgenerator.numerator', { name: 'Invoices', template: 'INV-{NUMBER}' })) }),
		request: (params) => expect(params).toEqual({ id: ids.crmNum }),
		output: one((item) => expect(item).toMatchObject({ id: ids.crmNum, name: 'Invoices', template: 'INV-{NUMBER}' })),
	},
	'crmDocumentNumerator.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'crm.documentgenerator.numerator', [{ ID: 3, name: 'Invoices', template: 'INV-{NUMBER}' }]);
			return { returnAll: true };
		},
		request: (params) => expect(params).toEqual({ start: 0 }),
		output: one((item) => expect(item).toMatchObject({ id: '3', name: 'Invoices', template: 'INV-{NUMBER}' })),
	},
	'crmDocumentNumerator.update': {
		parameters: (portal) => ({
			id: remember('crmNumUpd', seeded(portal, 'crm.documentgenerator.numerator', { name: 'Invoices', template: 'INV-{NUMBER}' })),
			updateFields: { template: 'I-{NUMBER}' },
		}),
		request: (params) => expect(params).toEqual({ id: ids.crmNumUpd, fields: { template: 'I-{NUMBER}' } }),
		// crm-document-generator-numerator-update.md: result is the numerator itself
		output: one((item) => expect(item).toMatchObject({ id: ids.crmNumUpd, name: 'Invoices', template: 'I-{NUMBER}' })),
	},
	'crmDocumentNumerator.delete': {
		parameters: (portal) => ({ id: remember('crmNumDel', seeded(portal, 'crm.documentgenerator.numerator', { name: 'Old' })) }),
		request: (params) => expect(params).toEqual({ id: ids.crmNumDel }),
		output: deletedId(() => ids.crmNumDel),
	},
};

// ---------- the document generator ----------

const generator: Cases = {
	'generatedDocument.create': {
		parameters: { templateId: 57, value: 'order-17', additionalFields: { values: '{"ClientName": "Acme"}', stampsEnabled: false } },
		request: (params) => expect(params).toEqual({ templateId: 57, value: 'order-17', values: { ClientName: 'Acme' }, stampsEnabled: 0 }),
		// document-generator-document-add.md: result.document
		output: one((item) => expect(item).toMatchObject({ id: expect.any(Number), value: 'order-17', values: { ClientName: 'Acme' }, createdBy: expect.any(Number) })),
	},
	'generatedDocument.get': {
		parameters: (portal) => ({ id: remember('doc', seeded(portal, 'documentgenerator.document', { title: 'Act 5', number: '5', value: 'order-5' })) }),
		request: (params) => expect(params).toEqual({ id: ids.doc }),
		output: one((item) => expect(item).toMatchObject({ id: ids.doc, title: 'Act 5', number: '5', value: 'order-5' })),
	},
	'generatedDocument.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'documentgenerator.document', [
				{ ID: 7, title: 'Act 7', number: '7', templateId: '57' },
				{ ID: 8, title: 'Act 8', number: '8', templateId: '57' },
			]);
			return { returnAll: true, listOptions: { filter: '{"templateId": 57}' } };
		},
		request: (params) => expect(params).toEqual({ filter: { templateId: 57 }, start: 0 }),
		output: (items) => {
			expect(items).toHaveLength(2);
			expect(items[0]).toMatchObject({ id: expect.anything(), title: 'Act 7', number: '7' });
			expect(items[1]).toMatchObject({ id: expect.anything(), title: 'Act 8', number: '8' });
			expect(items.map((item) => item.id)).toEqual(['7', '8']);
		},
	},
	'generatedDocument.update': {
		parameters: (portal) => ({ id: remember('docUpd', seeded(portal, 'documentgenerator.document', { title: 'Act 5', number: '5' })), updateFields: { values: '{"DocumentTitle": "Act 5a"}' } }),
		request: (params) => expect(params).toEqual({ id: ids.docUpd, values: { DocumentTitle: 'Act 5a' } }),
		output: one((item) => expect(item).toMatchObject({ id: ids.docUpd, title: 'Act 5', values: { DocumentTitle: 'Act 5a' } })),
	},
	'generatedDocument.delete': {
		parameters: (portal) => ({ id: remember('docDel', seeded(portal, 'documentgenerator.document', { title: 'Draft' })) }),
		request: (params) => expect(params).toEqual({ id: ids.docDel }),
		output: deletedId(() => ids.docDel),
	},
	'generatedDocument.enablePublicUrl': {
		parameters: { id: '7', status: 0 },
		request: (params) => expect(params).toEqual({ id: '7', status: 0 }),
		output: one((item) => expect(item).toEqual({ id: '7', publicUrl: expect.any(String) })),
	},
	'generatedDocument.getFields': {
		parameters: { id: '7' },
		request: (params) => expect(params).toEqual({ id: '7' }),
		// document-generator-document-get-fields.md: result.documentFields keyed by field code
		output: (items) => {
			fieldList('DocumentNumber', 'ClientName')(items);
			expect(items).toContainEqual(expect.objectContaining({ field: 'ClientName', value: 'Ltd. Chamomile' }));
		},
	},
	'documentTemplate.create': {
		parameters: { name: 'Act', numeratorId: 9, region: 'de', additionalFields: { fileId: 120, code: 'act', users: 'UA, U1', withStamps: true } },
		request: (params) => expect(params).toEqual({ fields: { name: 'Act', numeratorId: 9, region: 'de', fileId: 120, code: 'act', users: ['UA', 'U1'], withStamps: 'Y' } }),
		// document-generator-template-add.md: result.template
		output: one((item) => expect(item).toMatchObject({ id: expect.stringMatching(/^\d+$/), name: 'Act', code: 'act', region: 'de', withStamps: 'Y', numeratorId: '9' })),
	},
	'documentTemplate.get': {
		parameters: (portal) => ({ id: remember('tpl', seeded(portal, 'documentgenerator.template', { name: 'Act', code: 'act', region: 'de' })) }),
		request: (params) => expect(params).toEqual({ id: ids.tpl }),
		output: one((item) => expect(item).toMatchObject({ id: ids.tpl, name: 'Act', code: 'act', region: 'de' })),
	},
	'documentTemplate.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'documentgenerator.template', [
				{ ID: 57, name: 'Act', code: 'act', active: 'Y' },
				{ ID: 58, name: 'Offer', code: 'offer', active: 'Y' },
			]);
			return { returnAll: true, listOptions: { filter: '{"active": "Y"}' } };
		},
		request: (params) => expect(params).toEqual({ filter: { active: 'Y' }, start: 0 }),
		// document-generator-template-list.md: result.templates keyed by ID; every key becomes an item, in order
		output: (items) => {
			expect(items.map((item) => item.id)).toEqual(['57', '58']);
			expect(items[0]).toMatchObject({ id: '57', name: 'Act', code: 'act', active: 'Y' });
			expect(items[1]).toMatchObject({ id: '58', name: 'Offer', code: 'offer', active: 'Y' });
		},
	},
	'documentTemplate.update': {
		parameters: (portal) => ({ id: remember('tplUpd', seeded(portal, 'documentgenerator.template', { name: 'Act', region: 'de' })), updateFields: { region: 'fr', sort: 10, binaryPropertyName: 'data' } }),
		binary: [file('data', 'act-v2.docx', DOCX, 'act v2')],
		request: (params) => expect(params).toEqual({ id: ids.tplUpd, fields: { region: 'fr', sort: 10, file: ['act-v2.docx', b64('act v2')] } }),
		output: one((item) => expect(item).toMatchObject({ id: ids.tplUpd, name: 'Act', region: 'fr', sort: '10' })),
	},
	'documentTemplate.delete': {
		parameters: (portal) => ({ id: remember('tplDel', seeded(portal, 'documentgenerator.template', { name: 'Draft' })) }),
		request: (params) => expect(params).toEqual({ id: ids.tplDel }),
		output: deletedId(() => ids.tplDel),
	},
	'documentTemplate.getFields': {
		parameters: { id: '57' },
		request: (params) => expect(params).toEqual({ id: '57' }),
		// document-generator-template-get-fields.md: result.templateFields keyed by field code
		output: (items) => {
			fieldList('DocumentNumber', 'ClientName', 'Total')(items);
			expect(items).toContainEqual(expect.objectContaining({ field: 'DocumentNumber', title: 'Number', required: 'Y' }));
		},
	},
	'documentNumerator.create': {
		parameters: { name: 'Acts', template: 'A-{NUMBER}' },
		request: (params) => expect(params).toEqual({ fields: { name: 'Acts', template: 'A-{NUMBER}' } }),
		output: one((item) => expect(item).toMatchObject({ id: expect.any(Number), name: 'Acts', template: 'A-{NUMBER}' })),
	},
	'documentNumerator.get': {
		parameters: (portal) => ({ id: remember('num', seeded(portal, 'documentgenerator.numerator', { name: 'Acts', template: 'A-{NUMBER}' })) }),
		request: (params) => expect(params).toEqual({ id: ids.num }),
		output: one((item) => expect(item).toMatchObject({ id: ids.num, name: 'Acts', template: 'A-{NUMBER}' })),
	},
	'documentNumerator.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'documentgenerator.numerator', [{ ID: 9, name: 'Acts', template: 'A-{NUMBER}' }]);
			return { returnAll: true };
		},
		request: (params) => expect(params).toEqual({ start: 0 }),
		output: one((item) => expect(item).toMatchObject({ id: '9', name: 'Acts', template: 'A-{NUMBER}' })),
	},
	'documentNumerator.update': {
		parameters: (portal) => ({ id: remember('numUpd', seeded(portal, 'documentgenerator.numerator', { name: 'Acts', template: 'A-{NUMBER}' })), updateFields: { name: 'Acts 2026' } }),
		request: (params) => expect(params).toEqual({ id: ids.numUpd, fields: { name: 'Acts 2026' } }),
		output: one((item) => expect(item).toMatchObject({ id: ids.numUpd, name: 'Acts 2026', template: 'A-{NUMBER}' })),
	},
	'documentNumerator.delete': {
		parameters: (portal) => ({ id: remember('numDel', seeded(portal, 'documentgenerator.numerator', { name: 'Old' })) }),
		request: (params) => expect(params).toEqual({ id: ids.numDel }),
		output: deletedId(() => ids.numDel),
	},
	'documentRegion.create': {
		parameters: { title: 'Austria', additionalFields: { languageId: 'de', formatDate: 'DD.MM.YYYY', phrases: '{"TAX_INCLUDED": "inkl. MwSt."}' } },
		request: (params) => expect(params).toEqual({ fields: { title: 'Austria', languageId: 'de', formatDate: 'DD.MM.YYYY', phrases: { TAX_INCLUDED: 'inkl. MwSt.' } } }),
		// document-generator-region-add.md: result.region
		output: one((item) => expect(item).toMatchObject({ id: expect.stringMatching(/^\d+$/), title: 'Austria', languageId: 'de', formatDate: 'DD.MM.YYYY', phrases: { TAX_INCLUDED: 'inkl. MwSt.' } })),
	},
	'documentRegion.get': {
		parameters: (portal) => ({ id: remember('region', seeded(portal, 'documentgenerator.region', { title: 'Austria', languageId: 'de' })) }),
		request: (params) => expect(params).toEqual({ id: ids.region }),
		output: one((item) => expect(item).toMatchObject({ id: ids.region, title: 'Austria', languageId: 'de' })),
	},
	'documentRegion.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'documentgenerator.region', [{ ID: 1, title: 'Austria', languageId: 'de' }]);
			return { returnAll: true };
		},
		request: (params) => expect(params).toEqual({}),
		// document-generator-region-list.md: result.regions keyed by ID or code
		output: one((item) => expect(item).toMatchObject({ id: '1', title: 'Austria', languageId: 'de' })),
	},
	'documentRegion.update': {
		parameters: (portal) => ({ id: remember('regionUpd', seeded(portal, 'documentgenerator.region', { title: 'Austria', languageId: 'de' })), updateFields: { formatName: '#NAME# #LAST_NAME#' } }),
		request: (params) => expect(params).toEqual({ id: ids.regionUpd, fields: { formatName: '#NAME# #LAST_NAME#' } }),
		output: one((item) => expect(item).toMatchObject({ id: ids.regionUpd, title: 'Austria', formatName: '#NAME# #LAST_NAME#' })),
	},
	'documentRegion.delete': {
		parameters: (portal) => ({ id: remember('regionDel', seeded(portal, 'documentgenerator.region', { title: 'Old' })) }),
		request: (params) => expect(params).toEqual({ id: ids.regionDel }),
		output: deletedId(() => ids.regionDel),
	},
	'documentRole.create': {
		parameters: { name: 'Accountants', additionalFields: { code: 'ACC', permissions: '{"DOCUMENTS": {"MODIFY": "X", "VIEW": "X"}}' } },
		request: (params) => expect(params).toEqual({ fields: { name: 'Accountants', code: 'ACC', permissions: { DOCUMENTS: { MODIFY: 'X', VIEW: 'X' } } } }),
		// document-generator-role-add.md: result.role
		output: one((item) => expect(item).toMatchObject({ id: expect.any(Number), name: 'Accountants', code: 'ACC' })),
	},
	'documentRole.get': {
		parameters: (portal) => ({ id: remember('role', seeded(portal, 'documentgenerator.role', { name: 'Accountants', code: 'ACC' })) }),
		request: (params) => expect(params).toEqual({ id: ids.role }),
		output: one((item) => expect(item).toMatchObject({ id: Number(ids.role), name: 'Accountants', code: 'ACC' })),
	},
	'documentRole.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'documentgenerator.role', [{ ID: 9, name: 'Accountants', code: 'ACC' }]);
			return { returnAll: true };
		},
		request: (params) => expect(params).toEqual({ start: 0 }),
		output: one((item) => expect(item).toEqual({ id: 9, name: 'Accountants', code: 'ACC' })),
	},
	'documentRole.update': {
		parameters: (portal) => ({ id: remember('roleUpd', seeded(portal, 'documentgenerator.role', { name: 'Accountants', code: 'ACC' })), updateFields: { name: 'Finance' } }),
		request: (params) => expect(params).toEqual({ id: ids.roleUpd, fields: { name: 'Finance' } }),
		output: one((item) => expect(item).toMatchObject({ id: Number(ids.roleUpd), name: 'Finance', code: 'ACC' })),
	},
	'documentRole.delete': {
		parameters: (portal) => ({ id: remember('roleDel', seeded(portal, 'documentgenerator.role', { name: 'Old' })) }),
		request: (params) => expect(params).toEqual({ id: ids.roleDel }),
		output: deletedId(() => ids.roleDel),
	},
	'documentRole.fillAccesses': {
		parameters: { accesses: '[{"roleId": 9, "accessCode": "U1"}, {"roleId": 9, "accessCode": "D1"}]' },
		request: (params) => expect(params).toEqual({ accesses: [{ roleId: 9, accessCode: 'U1' }, { roleId: 9, accessCode: 'D1' }] }),
		output: one((item) => expect(item).toEqual({ accesses: [{ roleId: 9, accessCode: 'U1' }, { roleId: 9, accessCode: 'D1' }], success: true })),
	},
};

// ---------- activity bindings, calls, badges, types, configurable activities ----------

const activities: Cases = {
	'activityBinding.create': {
		parameters: { activityId: '999', entityTypeId: 4, entityId: 12 },
		request: (params) => expect(params).toEqual({ activityId: '999', entityTypeId: 4, entityId: 12 }),
		output: one((item) => expect(item).toEqual({ activityId: '999', entityTypeId: 4, entityId: 12, bound: true })),
	},
	'activityBinding.getMany': {
		parameters: async (portal) => {
			await portal.json({ resource: 'activityBinding', operation: 'create', activityId: '998', entityTypeId: 3, entityId: 21 });
			return { activityId: '998', returnAll: true };
		},
		request: (params) => expect(params).toEqual({ activityId: '998' }),
		// crm-activity-binding-list.md: [{ entityTypeId, entityId }]
		output: one((item) => expect(item).toEqual({ entityTypeId: 3, entityId: 21 })),
	},
	'activityBinding.delete': {
		parameters: { activityId: '999', entityTypeId: 4, entityId: 12 },
		request: (params) => expect(params).toEqual({ activityId: '999', entityTypeId: 4, entityId: 12 }),
		output: one((item) => expect(item).toEqual({ activityId: '999', entityTypeId: 4, entityId: 12, deleted: true })),
	},
	'activityBinding.move': {
		parameters: { activityId: '999', sourceEntityTypeId: 2, sourceEntityId: 1, targetEntityTypeId: 2, targetEntityId: 5 },
		request: (params) => expect(params).toEqual({ activityId: '999', sourceEntityTypeId: 2, sourceEntityId: 1, targetEntityTypeId: 2, targetEntityId: 5 }),
		output: one((item) => expect(item).toMatchObject({ activityId: '999', targetEntityId: 5, moved: true })),
	},
	'callActivity.getTranscript': {
		parameters: { activityId: '12345' },
		request: (params) => expect(params).toEqual({ activityId: '12345' }),
		// crm-activity-call-get-transcript.md: result.transcription
		output: one((item) => expect(item).toEqual({ activityId: '12345', transcription: expect.any(String) })),
	},
	'callActivity.getCommunicationFields': {
		request: (params) => expect(params).toEqual({}),
		// crm-activity-communication-fields.md
		output: (items) => {
			fieldList('ID', 'ACTIVITY_ID', 'ENTITY_ID')(items);
			expect(items).toContainEqual(expect.objectContaining({ field: 'ID', type: 'integer', isReadOnly: true }));
		},
	},
	'activityBadge.create': {
		parameters: { code: 'missedCall', title: '{"en": "Call", "de": "Anruf"}', value: 'Missed', type: 'failure' },
		// the emulator's log masks any parameter named code
		request: (params) => expect(params).toEqual({ code: expect.any(String), title: { en: 'Call', de: 'Anruf' }, value: 'Missed', type: 'failure' }),
		// crm-activity-badge-add.md: result.badge
		output: one((item) => expect(item).toEqual({ code: 'missedCall', title: { en: 'Call', de: 'Anruf' }, value: 'Missed', type: 'failure' })),
	},
	'activityBadge.get': {
		parameters: (portal) => {
			seeded(portal, 'crm.activity.badge', { code: 'overdue', title: 'Overdue', value: 'Late', type: 'warning' });
			return { code: 'overdue' };
		},
		request: (params) => expect(Object.keys(params)).toEqual(['code']),
		output: one((item) => expect(item).toEqual({ code: 'overdue', title: 'Overdue', value: 'Late', type: 'warning' })),
	},
	'activityBadge.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'crm.activity.badge', [{ ID: 1, code: 'paid', title: 'Payment', value: 'Paid', type: 'success' }]);
			return { returnAll: true };
		},
		request: (params) => expect(params).toEqual({}),
		output: one((item) => expect(item).toEqual({ code: 'paid', title: 'Payment', value: 'Paid', type: 'success' })),
	},
	'activityBadge.delete': {
		parameters: { code: 'paid' },
		request: (params) => expect(Object.keys(params)).toEqual(['code']),
		output: one((item) => expect(item).toEqual({ code: 'paid', deleted: true })),
	},
	'activityType.create': {
		auth: 'oAuth2',
		parameters: { activityTypeCode: '1C', NAME: 'Case 1C', additionalFields: { IS_CONFIGURABLE_TYPE: true } },
		request: (params) => expect(params).toEqual({ fields: { TYPE_ID: '1C', NAME: 'Case 1C', IS_CONFIGURABLE_TYPE: 'Y' } }),
		output: one((item) => expect(item).toEqual({ TYPE_ID: '1C', NAME: 'Case 1C', IS_CONFIGURABLE_TYPE: 'Y', created: true })),
	},
	'activityType.getMany': {
		auth: 'oAuth2',
		parameters: (portal) => {
			seededRows(portal, 'crm.activity.type', [{ ID: 1, TYPE_ID: '1C', NAME: 'Case 1C', IS_CONFIGURABLE_TYPE: 'N', ICON_ID: '0' }]);
			return { returnAll: true };
		},
		request: (params) => expect(params).toEqual({}),
		// crm-activity-type-list.md: TYPE_ID, NAME, IS_CONFIGURABLE_TYPE, ICON_ID
		output: one((item) => expect(item).toEqual({ TYPE_ID: '1C', NAME: 'Case 1C', IS_CONFIGURABLE_TYPE: 'N', ICON_ID: '0' })),
	},
	'activityType.delete': {
		auth: 'oAuth2',
		parameters: (portal) => {
			// the generic store finds a record named by a code through its CODE
			seeded(portal, 'crm.activity.type', { CODE: '1C', TYPE_ID: '1C', NAME: 'Case 1C' });
			return { activityTypeCode: '1C' };
		},
		request: (params) => expect(params).toEqual({ TYPE_ID: '1C' }),
		output: one((item) => expect(item).toEqual({ TYPE_ID: '1C', deleted: true })),
	},
	'configurableActivity.create': {
		auth: 'oAuth2',
		parameters: {
			ownerTypeId: 2,
			ownerId: 1,
			layout: '{"icon": {"code": "call-completed"}, "header": {"title": "Incoming call"}}',
			additionalFields: { completed: false, responsibleId: 1, badgeCode: 'missedCall', pingOffsets: '0, 15' },
		},
		request: (params) =>
			expect(params).toEqual({
				ownerTypeId: 2,
				ownerId: 1,
				layout: { icon: { code: 'call-completed' }, header: { title: 'Incoming call' } },
				fields: { completed: false, responsibleId: 1, badgeCode: 'missedCall', pingOffsets: ['0', '15'] },
			}),
		// crm-activity-configurable-add.md: result.activity.id
		output: one((item) => expect(item).toEqual({ id: expect.any(Number) })),
	},
	'configurableActivity.get': {
		auth: 'oAuth2',
		parameters: (portal) => ({
			id: remember('confAct', seeded(portal, 'crm.activity.configurable', { ownerTypeId: 2, ownerId: 1, fields: { typeId: 'CONFIGURABLE', completed: false }, layout: { icon: { code: 'call-completed' } } })),
		}),
		request: (params) => expect(params).toEqual({ id: ids.confAct }),
		// crm-activity-configurable-get.md: result.activity with ownerTypeId, ownerId, fields, layout
		output: one((item) => expect(item).toMatchObject({ id: Number(ids.confAct), ownerTypeId: 2, ownerId: 1, fields: { typeId: 'CONFIGURABLE', completed: false }, layout: { icon: { code: 'call-completed' } } })),
	},
	'configurableActivity.update': {
		auth: 'oAuth2',
		parameters: (portal) => ({
			id: remember('confActUpd', seeded(portal, 'crm.activity.configurable', { ownerTypeId: 2, ownerId: 1, fields: { completed: false } })),
			layout: '{"header": {"title": "Call done"}}',
			updateFields: { completed: true },
		}),
		request: (params) => expect(params).toEqual({ id: ids.confActUpd, layout: { header: { title: 'Call done' } }, fields: { completed: true } }),
		// crm-activity-configurable-update.md: result.activity.id
		output: one((item) => expect(item).toEqual({ id: Number(ids.confActUpd) })),
	},
};

// ---------- requisite templates and their fields, requisite custom fields ----------

const requisites: Cases = {
	'requisiteTemplateSetup.create': {
		parameters: (portal) => (use(portal), { ENTITY_TYPE_ID: 8, COUNTRY_ID: 1, NAME: 'Sole trader', additionalFields: { ACTIVE: true, SORT: 500 } }),
		request: (params) => expect(params).toEqual({ fields: { ENTITY_TYPE_ID: 8, COUNTRY_ID: 1, NAME: 'Sole trader', ACTIVE: 'Y', SORT: 500 } }),
		// crm-requisite-preset-add.md: the new template's ID
		output: created('generic:crm.requisite.preset'),
	},
	'requisiteTemplateSetup.get': {
		parameters: (portal) => ({ id: remember('preset', seeded(portal, 'crm.requisite.preset', { ENTITY_TYPE_ID: 8, COUNTRY_ID: 1, NAME: 'Organization', ACTIVE: 'Y' })) }),
		request: (params) => expect(params).toEqual({ id: ids.preset }),
		output: one((item) => expect(item).toMatchObject({ ID: ids.preset, ENTITY_TYPE_ID: '8', COUNTRY_ID: '1', NAME: 'Organization', ACTIVE: 'Y' })),
	},
	'requisiteTemplateSetup.update': {
		parameters: (portal) => ({ id: remember('presetUpd', seeded(portal, 'crm.requisite.preset', { ENTITY_TYPE_ID: 8, NAME: 'Organization' })), NAME: 'Company', updateFields: { SORT: 10 } }),
		request: (params) => expect(params).toEqual({ id: ids.presetUpd, fields: { NAME: 'Company', SORT: 10 } }),
		output: updatedId(() => ids.presetUpd),
	},
	'requisiteTemplateSetup.delete': {
		parameters: (portal) => ({ id: remember('presetDel', seeded(portal, 'crm.requisite.preset', { ENTITY_TYPE_ID: 8, NAME: 'Old' })) }),
		request: (params) => expect(params).toEqual({ id: ids.presetDel }),
		output: deletedId(() => ids.presetDel),
	},
	'requisiteTemplateSetup.getFields': {
		request: (params) => expect(params).toEqual({}),
		methods: ['crm.requisite.preset.fields'],
		// crm-requisite-preset-fields.md: ENTITY_TYPE_ID is required and immutable
		output: (items) => {
			fieldList('ID', 'ENTITY_TYPE_ID', 'COUNTRY_ID')(items);
			expect(items).toContainEqual(expect.objectContaining({ field: 'ENTITY_TYPE_ID', type: 'integer', isRequired: true, isImmutable: true }));
		},
	},
	'requisiteTemplateField.create': {
		parameters: (portal) => (use(portal), { presetId: 27, FIELD_NAME: 'RQ_NAME', additionalFields: { FIELD_TITLE: 'Full name', SORT: 580 } }),
		request: (params) => expect(params).toEqual({ preset: { ID: 27 }, fields: { FIELD_NAME: 'RQ_NAME', FIELD_TITLE: 'Full name', SORT: 580 } }),
		output: created('generic:crm.requisite.preset.field'),
	},
	'requisiteTemplateField.get': {
		parameters: (portal) => ({ presetId: 27, id: remember('presetField', seeded(portal, 'crm.requisite.preset.field', { FIELD_NAME: 'RQ_INN', FIELD_TITLE: 'Tax ID', IN_SHORT_LIST: 'N', SORT: 510 })) }),
		request: (params) => expect(params).toEqual({ preset: { ID: 27 }, id: ids.presetField }),
		// crm-requisite-preset-field-get.md
		output: one((item) => expect(item).toEqual({ ID: Number(ids.presetField), FIELD_NAME: 'RQ_INN', FIELD_TITLE: 'Tax ID', IN_SHORT_LIST: 'N', SORT: 510 })),
	},
	'requisiteTemplateField.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'crm.requisite.preset.field', [{ ID: 1, FIELD_NAME: 'RQ_INN', FIELD_TITLE: '', IN_SHORT_LIST: 'Y', SORT: 510 }]);
			return { presetId: 27, returnAll: true };
		},
		request: (params) => expect(params).toEqual({ preset: { ID: 27 } }),
		output: one((item) => expect(item).toEqual({ ID: 1, FIELD_NAME: 'RQ_INN', FIELD_TITLE: '', IN_SHORT_LIST: 'Y', SORT: 510 })),
	},
	'requisiteTemplateField.update': {
		parameters: (portal) => ({
			presetId: 27,
			id: remember('presetFieldUpd', seeded(portal, 'crm.requisite.preset.field', { FIELD_NAME: 'RQ_INN', SORT: 510 })),
			FIELD_NAME: 'RQ_INN',
			updateFields: { FIELD_TITLE: 'VAT number' },
		}),
		request: (params) => expect(params).toEqual({ preset: { ID: 27 }, id: ids.presetFieldUpd, fields: { FIELD_NAME: 'RQ_INN', FIELD_TITLE: 'VAT number' } }),
		output: updatedId(() => ids.presetFieldUpd),
	},
	'requisiteTemplateField.delete': {
		parameters: (portal) => ({ presetId: 27, id: remember('presetFieldDel', seeded(portal, 'crm.requisite.preset.field', { FIELD_NAME: 'RQ_OKPO' })) }),
		request: (params) => expect(params).toEqual({ preset: { ID: 27 }, id: ids.presetFieldDel }),
		output: deletedId(() => ids.presetFieldDel),
	},
	'requisiteTemplateField.getFields': {
		request: (params) => expect(params).toEqual({}),
		// crm-requisite-preset-field-fields.md: FIELD_NAME is required
		output: (items) => {
			fieldList('ID', 'FIELD_NAME', 'FIELD_TITLE')(items);
			expect(items).toContainEqual(expect.objectContaining({ field: 'FIELD_NAME', type: 'string', isRequired: true }));
		},
	},
	'requisiteTemplateField.getAvailable': {
		parameters: { presetId: 27 },
		request: (params) => expect(params).toEqual({ preset: { ID: 27 } }),
		output: (items) => {
			for (const item of items) expect(item).toEqual({ field: expect.stringMatching(/^(RQ_|UF_)/) });
			expect(items.length).toBeGreaterThan(0);
		},
	},
	'requisiteUserField.create': {
		parameters: { FIELD_NAME: 'UF_CRM_TAX_OFFICE', USER_TYPE_ID: 'string', additionalFields: { EDIT_FORM_LABEL: 'Tax office', MANDATORY: false } },
		request: (params) => expect(params).toEqual({ fields: { ENTITY_ID: 'CRM_REQUISITE', FIELD_NAME: 'UF_CRM_TAX_OFFICE', USER_TYPE_ID: 'string', EDIT_FORM_LABEL: 'Tax office', MANDATORY: 'N' } }),
		output: createdId,
	},
	'requisiteUserField.get': {
		parameters: (portal) => ({
			id: remember('reqUf', seeded(portal, 'crm.requisite.userfield', { ENTITY_ID: 'CRM_REQUISITE', FIELD_NAME: 'UF_CRM_TAX_OFFICE', USER_TYPE_ID: 'string', MULTIPLE: 'N', MANDATORY: 'N' })),
		}),
		request: (params) => expect(params).toEqual({ id: ids.reqUf }),
		output: one((item) => expect(item).toMatchObject({ ID: ids.reqUf, ENTITY_ID: 'CRM_REQUISITE', FIELD_NAME: 'UF_CRM_TAX_OFFICE', USER_TYPE_ID: 'string', MULTIPLE: 'N' })),
	},
	'requisiteUserField.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'crm.requisite.userfield', [{ ID: 4, ENTITY_ID: 'CRM_REQUISITE', FIELD_NAME: 'UF_CRM_BRANCH', USER_TYPE_ID: 'string' }]);
			return { returnAll: true, listOptions: { filter: '{"USER_TYPE_ID": "string"}' } };
		},
		request: (params) => expect(params).toEqual({ filter: { USER_TYPE_ID: 'string' }, start: 0 }),
		output: one((item) => expect(item).toMatchObject({ ID: '4', ENTITY_ID: 'CRM_REQUISITE', FIELD_NAME: 'UF_CRM_BRANCH', USER_TYPE_ID: 'string' })),
	},
	'requisiteUserField.update': {
		parameters: (portal) => ({ id: remember('reqUfUpd', seeded(portal, 'crm.requisite.userfield', { FIELD_NAME: 'UF_CRM_BRANCH' })), updateFields: { SORT: 200, SHOW_IN_LIST: true } }),
		request: (params) => expect(params).toEqual({ id: ids.reqUfUpd, fields: { SORT: 200, SHOW_IN_LIST: 'Y' } }),
		output: updatedId(() => ids.reqUfUpd),
	},
	'requisiteUserField.delete': {
		parameters: (portal) => ({ id: remember('reqUfDel', seeded(portal, 'crm.requisite.userfield', { FIELD_NAME: 'UF_CRM_OLD' })) }),
		request: (params) => expect(params).toEqual({ id: ids.reqUfDel }),
		output: deletedId(() => ids.reqUfDel),
	},
	'requisiteReference.getCountries': {
		request: (params) => expect(params).toEqual({}),
		// crm-requisite-preset-countries.md: [{ ID, CODE, TITLE }]
		output: (items) => {
			expect(items.length).toBeGreaterThan(0);
			for (const item of items) expect(item).toEqual({ ID: expect.any(Number), CODE: expect.any(String), TITLE: expect.any(String) });
		},
	},
	'requisiteReference.getBankDetailFields': {
		request: (params) => expect(params).toEqual({}),
		// crm-requisite-bank-detail-fields.md: ENTITY_ID is required and immutable
		output: (items) => {
			fieldList('ID', 'ENTITY_ID', 'COUNTRY_ID')(items);
			expect(items).toContainEqual(expect.objectContaining({ field: 'ENTITY_ID', type: 'integer', isRequired: true, isImmutable: true }));
		},
	},
	'requisiteReference.getLinkFields': {
		request: (params) => expect(params).toEqual({}),
		// crm-requisite-link-fields.md
		output: (items) => {
			fieldList('ENTITY_TYPE_ID', 'ENTITY_ID')(items);
			expect(items).toContainEqual(expect.objectContaining({ field: 'ENTITY_TYPE_ID', type: 'integer', isRequired: true }));
		},
	},
};

// ---------- timeline icons, logos and field lists ----------

function assetCases(resource: 'timelineIcon' | 'timelineLogo', family: string): Cases {
	return {
		[`${resource}.create`]: {
			parameters: { code: 'delivery', binaryPropertyName: 'image' },
			binary: [file('image', 'delivery.png', 'image/png', 'png bytes')],
			request: (params) => expect(params).toEqual({ code: expect.any(String), fileContent: b64('png bytes') }),
			// crm-timeline-icon-add.md, crm-timeline-logo-add.md: result.icon / result.logo
			output: one((item) => expect(item).toEqual({ code: 'delivery', isSystem: false, fileUri: expect.stringMatching(/^\/upload\//) })),
		},
		[`${resource}.get`]: {
			parameters: (portal) => {
				seeded(portal, family, { code: 'parcel', isSystem: false, fileUri: 'https://example.com/parcel.png' });
				return { code: 'parcel' };
			},
			request: (params) => expect(Object.keys(params)).toEqual(['code']),
			output: one((item) => expect(item).toEqual({ code: 'parcel', isSystem: false, fileUri: 'https://example.com/parcel.png' })),
		},
		// 60 stored: Return All reads the second page of 50 (start 50)
		[`${resource}.getMany`]: {
			parameters: (portal) => {
				seededRows(portal, family, Array.from({ length: 60 }, (_, k) => ({ ID: k + 1, code: `info${k + 1}`, isSystem: true, fileUri: `https://example.com/info${k + 1}.png` })));
				return { returnAll: true };
			},
			request: (params) => expect(params).toEqual({ start: '50' }),
			output: (items) => expect(items).toEqual(Array.from({ length: 60 }, (_, k) => ({ code: `info${k + 1}`, isSystem: true, fileUri: `https://example.com/info${k + 1}.png` }))),
		},
		[`${resource}.delete`]: {
			parameters: (portal) => (seeded(portal, family, { code: 'info', isSystem: false, fileUri: 'https://example.com/info.png' }), { code: 'info' }),
			request: (params) => expect(Object.keys(params)).toEqual(['code']),
			output: one((item) => expect(item).toEqual({ code: 'info', deleted: true })),
		},
	};
}

const timeline: Cases = {
	...assetCases('timelineIcon', 'crm.timeline.icon'),
	...assetCases('timelineLogo', 'crm.timeline.logo'),
	'timelineFieldInfo.getBindingFields': {
		request: (params) => expect(params).toEqual({}),
		// crm-timeline-bindings-fields.md: OWNER_ID, ENTITY_ID, ENTITY_TYPE
		output: (items) => {
			fieldList('OWNER_ID', 'ENTITY_ID')(items);
			expect(items).toContainEqual(expect.objectContaining({ field: 'OWNER_ID', type: 'integer', isRequired: true }));
		},
	},
	'timelineFieldInfo.getCommentFields': {
		request: (params) => expect(params).toEqual({}),
		// crm-timeline-comment-fields.md
		output: (items) => {
			fieldList('ID', 'CREATED', 'ENTITY_ID')(items);
			expect(items).toContainEqual(expect.objectContaining({ field: 'CREATED', type: 'datetime', isReadOnly: true }));
		},
	},
};

export const crm3Cases: Cases = { ...crmDocuments, ...generator, ...activities, ...requisites, ...timeline };
