import type { IDataObject } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';

/**
 * Replaces the rows of a family the emulator answers generically (`generic:<method without its last
 * segment>`) with documented-shape rows, for cases that read what nothing in the node writes.
 */
export function seededRows(portal: Portal, table: string, rows: IDataObject[]): void {
	for (const row of portal.emu.store.all(`generic:${table}`)) portal.emu.store.remove(`generic:${table}`, row.ID as number);
	for (const row of rows) portal.emu.store.insert(`generic:${table}`, row);
}
