/** @module ui/pages/catalog/census-modal: a cataloguer adds or edits one of their unit's information systems. */
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { type CensusSystem, census } from '../../api';
import { showError, showSuccess } from '../../lib';
import { useCensusT } from './census-messages';

interface Values {
  name: string;
  description?: string;
}

export function CensusModal({
  system,
  onClose,
  onSaved,
}: {
  system?: CensusSystem;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useCensusT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    const body = { name: values.name.trim(), description: values.description?.trim() ?? '' };
    setBusy(true);
    try {
      if (system) await census.edit(system.id, body);
      else await census.add(body);
      showSuccess(system ? t('saved') : t('added', { name: body.name }));
      onSaved();
    } catch (err) {
      showError(err); // 409: the unit already has a system of that name (the server's message says so)
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={system ? t('editTitle') : t('add')}
      onCancel={onClose}
      onOk={submit}
      okText={t('save')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'census-save' } as never}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="census-system"
        initialValues={system ? { name: system.name, description: system.description ?? '' } : {}}
      >
        <Form.Item
          name="name"
          label={t('name')}
          rules={[{ required: true, whitespace: true, message: t('nameRequired') }, { max: 100 }]}
        >
          <Input data-testid="census-name" />
        </Form.Item>
        <Form.Item name="description" label={t('description')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} data-testid="census-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
