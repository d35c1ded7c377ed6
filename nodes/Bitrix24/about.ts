/**
 * The node's description. n8n's node creator lists the action node and the Bitrix24 Trigger as one
 * entry and shows the trigger's description there, so the trigger carries this text too.
 */
export const BITRIX24_DESCRIPTION =
	'Work with Bitrix24: CRM, tasks, users and workgroups, chats and bots, Open Lines, Drive, calendars, telephony, lists and workflows';
