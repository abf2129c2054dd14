import { describe, expect, it } from 'vitest';
import { saveDialogOptions } from '../../../main/save-dialog';

describe('the Save dialog for exports', () => {
  it('starts in Downloads with the export’s own name and a filter for its type', () => {
    expect(saveDialogOptions('Lab Kraków 2026-12-04.xlsx', '/home/anna/Pobrane')).toEqual({
      defaultPath: '/home/anna/Pobrane/Lab Kraków 2026-12-04.xlsx',
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
    expect(saveDialogOptions('Lab 2026-12-04.tlab', '/d').filters).toEqual([{ name: 'Transition Lab', extensions: ['tlab'] }]);
  });

  it('keeps only a file name: no folder of the name’s choosing, no hidden file', () => {
    expect(saveDialogOptions('../../.ssh/authorized_keys', '/d').defaultPath).toBe('/d/authorized_keys');
    expect(saveDialogOptions('..\\..\\evil.csv', '/d').defaultPath).toBe('/d/evil.csv');
    expect(saveDialogOptions('.bashrc', '/d').defaultPath).toBe('/d/bashrc');
    expect(saveDialogOptions('', '/d')).toEqual({ defaultPath: '/d/export', filters: [] });
  });
});
