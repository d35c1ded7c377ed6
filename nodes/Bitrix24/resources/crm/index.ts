import type { ResourceSpec } from '../../types';
import { automationTrigger, crmDocument } from './automation';
import { catalog, catalogSection, price, priceType, product, productRow, store } from './catalog';
import { crmItem, invoice } from './item';
import { company, contact, deal, lead, quote } from './legacy';
import { address, bankDetail, requisite, requisiteLink, requisitePreset } from './requisites';
import { crmEnum, currency, duplicate, pipeline, stageHistory, smartProcessType, status } from './settings';
import { activity, timelineBinding, timelineComment, timelineEntry, timelineLogMessage, timelineNote } from './timeline';
import { companyUserField, contactUserField, crmUserField, dealUserField, leadUserField, quoteUserField } from './userFields';

export const crmResources: ResourceSpec[] = [
	lead,
	deal,
	contact,
	company,
	quote,
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
	product,
	catalogSection,
	catalog,
	price,
	priceType,
	store,
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
	automationTrigger,
];
