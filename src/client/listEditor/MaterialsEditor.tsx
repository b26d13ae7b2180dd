// The materials to bring (一次性告知) of one item as an ordered list: add, edit, move, remove.
// Saved as one update; a refusal is shown in the dialog and nothing is changed.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Space } from 'antd';
import React, { useEffect, useState } from 'react';
import { useT } from '../locale';
import { cleanMaterials, shiftEntry, type EditorItem } from './logic';

interface Props {
  item: EditorItem | null;
  onSave: (materials: string[]) => Promise<string | null>;
  onClose: () => void;
}

export const MaterialsEditor = ({ item, onSave, onClose }: Props) => {
  const { t } = useT();
  const [list, setList] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setList(item ? item.materials.slice() : []);
    setError(null);
  }, [item]);

  const set = (i: number, text: string) => setList((l) => l.map((m, j) => (j === i ? text : m)));
  const save = async () => {
    setSaving(true);
    const problem = await onSave(cleanMaterials(list));
    setSaving(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <Modal
      open={!!item}
      title={item ? `${t('Materials to bring')} — ${item.name}` : ''}
      onCancel={onClose}
      onOk={save}
      okText={t('Save')}
      okButtonProps={{ loading: saving, 'data-testid': 'materials-save' }}
      wrapClassName="govhall-materials-editor"
      destroyOnClose
    >
      {error && <Alert type="error" showIcon message={error} data-testid="materials-error" style={{ marginBottom: 12 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {list.map((m, i) => (
          <div key={i} style={{ display: 'flex', gap: 4, width: '100%' }}>
            <Input
              addonBefore={`${i + 1}.`}
              value={m}
              data-testid={`material-${i}`}
              onChange={(e: any) => set(i, e.target.value)}
            />
            <Button icon={<ArrowUpOutlined />} disabled={i === 0} aria-label={t('Move up')} data-testid={`material-up-${i}`}
              onClick={() => setList((l) => shiftEntry(l, i, -1))} />
            <Button icon={<ArrowDownOutlined />} disabled={i === list.length - 1} aria-label={t('Move down')}
              data-testid={`material-down-${i}`} onClick={() => setList((l) => shiftEntry(l, i, 1))} />
            <Button icon={<DeleteOutlined />} danger aria-label={t('Remove')} data-testid={`material-remove-${i}`}
              onClick={() => setList((l) => l.filter((_, j) => j !== i))} />
          </div>
        ))}
        <Button type="dashed" icon={<PlusOutlined />} block data-testid="material-add" onClick={() => setList((l) => [...l, ''])}>
          {t('Add material')}
        </Button>
      </Space>
    </Modal>
  );
};
