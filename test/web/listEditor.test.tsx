// The service-list editor's pieces rendered with real antd in jsdom: the materials dialog (R-LST-1:
// materials are an ordered list the admin edits) and the inline cell editors (Enter saves, Escape
// puts back what is stored, a server refusal shows under the cell).
import React from 'react';
import { act, fireEvent, screen } from '@testing-library/react';
import { render } from './render';
import { MaterialsEditor } from '../../src/client/listEditor/MaterialsEditor';
import { EditableNumber, EditableText } from '../../src/client/listEditor/cells';
import type { EditorItem } from '../../src/client/listEditor/logic';

const item: EditorItem = {
  id: 7, code: 'BDC-01', name: 'Real estate registration', leadWindowId: 1, cooperatingWindowIds: [],
  offeredOnWeekends: true, offeredOnHolidays: true, materials: ['ID card', 'Deed', 'Contract'],
  expectedMinutes: 30, capacityPerSlot: 3, published: true,
};

const values = () => [0, 1, 2, 3, 4].map((i) => screen.queryByTestId(`material-${i}`) as HTMLInputElement | null)
  .filter(Boolean).map((el) => el!.value);

describe('MaterialsEditor (R-LST-1 materials as an ordered list)', () => {
  test('R-LST-1: move, remove, add and edit change the order that is saved; blanks are dropped', async () => {
    const saved: string[][] = [];
    const onClose = jest.fn();
    render(<MaterialsEditor item={item} onSave={async (m) => { saved.push(m); return null; }} onClose={onClose} />);
    expect(values()).toEqual(['ID card', 'Deed', 'Contract']);
    expect((screen.getByTestId('material-up-0') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('material-down-2') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByTestId('material-down-0'));
    expect(values()).toEqual(['Deed', 'ID card', 'Contract']);
    fireEvent.click(screen.getByTestId('material-up-2'));
    expect(values()).toEqual(['Deed', 'Contract', 'ID card']);
    fireEvent.click(screen.getByTestId('material-remove-0'));
    expect(values()).toEqual(['Contract', 'ID card']);
    fireEvent.click(screen.getByTestId('material-add'));
    fireEvent.click(screen.getByTestId('material-add'));
    expect(values()).toEqual(['Contract', 'ID card', '', '']);
    fireEvent.change(screen.getByTestId('material-2'), { target: { value: '  Marriage certificate ' } });

    await act(async () => { fireEvent.click(screen.getByTestId('materials-save')); });
    expect(saved).toEqual([['Contract', 'ID card', 'Marriage certificate']]);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  test('R-LST-1: a refusal stays in the dialog, which keeps the edited list open', async () => {
    const onClose = jest.fn();
    render(<MaterialsEditor item={item} onSave={async () => 'Materials: at most 30 entries'} onClose={onClose} />);
    fireEvent.click(screen.getByTestId('material-remove-1'));
    await act(async () => { fireEvent.click(screen.getByTestId('materials-save')); });
    expect(screen.getByTestId('materials-error').textContent).toContain('Materials: at most 30 entries');
    expect(values()).toEqual(['ID card', 'Contract']);
    expect(onClose).not.toHaveBeenCalled();
  });
});

describe('inline cells of the service-list editor', () => {
  test('R-LST-2: EditableText: Enter saves the typed text once; Escape puts back the stored value without saving', () => {
    const onSave = jest.fn();
    render(<EditableText value="Old name" onSave={onSave} testId="name-7" />);
    const input = screen.getByTestId('name-7') as HTMLInputElement;

    fireEvent.change(input, { target: { value: 'Typo' } });
    fireEvent.keyDown(input, { key: 'Escape', code: 'Escape', keyCode: 27 });
    expect(input.value).toBe('Old name');
    fireEvent.blur(input);
    expect(onSave).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: 'New name' } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledWith('New name');
  });

  test('EditableText: the server refusal is shown under the cell', () => {
    render(<EditableText value="A" onSave={() => {}} testId="code-7" error="Code already used by item 3" />);
    expect(screen.getByTestId('code-7-error').textContent).toBe('Code already used by item 3');
  });

  test('R-LST-3: EditableNumber warns above the half working day and saves the number on blur', () => {
    const onSave = jest.fn();
    const { container } = render(<EditableNumber value={30} onSave={onSave} testId="minutes-7" min={1} warnAbove={240} />);
    const input = screen.getByTestId('minutes-7') as HTMLInputElement;
    expect(container.querySelector('.ant-input-number-status-warning')).toBeNull();
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '300' } });
    expect(container.querySelector('.ant-input-number-status-warning')).not.toBeNull();
    fireEvent.blur(input);
    expect(onSave).toHaveBeenCalledWith(300);
  });
});
