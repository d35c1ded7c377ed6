import type { ResourceSpec } from '../../types';
import { activityResources } from './activities';
import { automationTrigger, crmDocument } from './automation';
import { crmDocumentNumerator, crmDocumentTemplate, crmGeneratedDocument } from './documents';
import { catalog, catalogSection, price, product, productRow } from './catalog';
import { catalogMoreResources } from './catalogMore';
import { crmItem, invoice } from './item';
import { automatedSolution, callList, crmImport, duplicateSearchField, orderEntity, recurringDeal } from './more';
import { delivery, payment, paymentDelivery, paymentProduct } from './payments';
import { companyContactLink, contactCompanyLink, dealContactLink, leadContactLink, quoteContactLink } from './links';
import { company, contact, deal, lead, quote } from './legacy';
import { address, bankDetail, requisite, requisiteLink, requisitePreset } from './requisites';
import { presetResources } from './presets';
import { crmEnum, currency, duplicate, pipeline, stageHistory, smartProcessType, status } from './settings';
import { activity, timelineBinding, timelineComment, timelineEntry, timelineLogMessage, timelineNote } from './timeline';
import { timelineAssetResources } from './timelineAssets';
import { companyUserField, contactUserField, crmUserField, dealUserField, leadUserField, quoteUserField } from './userFields';

export const crmResources: ResourceSpec[] = [
	lead,
	deal,
	contact,
	company,
	quote,
	dealContactLink,
	leadContactLink,
	quoteContactLink,
	companyContactLink,
	contactCompanyLink,
	crmItem,
	invoice,
	smartProcessType,
	pipeline,
	status,
	stageHistory,
	activity,
	timelineComment,
	timelineLogMessage,
	timelineNote,
	timelineBinding,
	timelineEntry,
	productRow,
	payment,
	paymentProduct,
	paymentDelivery,
	delivery,
	crmImport,
	recurringDeal,
	callList,
	automatedSolution,
	duplicateSearchField,
	orderEntity,
	product,
	catalogSection,
	catalog,
	price,
	...catalogMoreResources,
	requisite,
	requisitePreset,
	bankDetail,
	requisiteLink,
	address,
	duplicate,
	currency,
	crmEnum,
	leadUserField,
	dealUserField,
	contactUserField,
	companyUserField,
	quoteUserField,
	crmUserField,
	crmDocument,
	crmGeneratedDocument,
	crmDocumentTemplate,
	crmDocumentNumerator,
	automationTrigger,
	...activityResources,
	...presetResources,
	...timelineAssetResources,
];
