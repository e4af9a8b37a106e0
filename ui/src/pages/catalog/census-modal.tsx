/** @module ui/pages/catalog/census-modal: a cataloguer adds or edits one of their unit's information systems. */
import { Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { type CensusSystem, request } from '../../api';
import { showError, showSuccess } from '../../lib';
import { type CensusKey, useCensusT } from './census-messages';

interface Values {
  name: string;
  description?: string;
  buildMode?: string | null;
  status?: string;
  maintainer?: string | null;
  launchDate?: string | null;
  deployment?: string | null;
  onCountyPlatform?: boolean;
}

const OPTIONS = {
  buildMode: ['self-built', 'co-built', 'deployed-from-above'],
  status: ['in-use', 'stopped', 'migrating'],
  deployment: ['local-room', 'gov-cloud'],
} as const;

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
    const body = {
      ...values,
      name: values.name.trim(),
      description: values.description?.trim() ?? '',
      maintainer: values.maintainer?.trim() || null,
      launchDate: values.launchDate || null,
    };
    setBusy(true);
    try {
      const path = system ? `/catalog/systems/${encodeURIComponent(system.id)}` : '/catalog/systems';
      await request<CensusSystem>(path, { method: system ? 'PUT' : 'POST', body });
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
        initialValues={
          system
            ? {
                name: system.name,
                description: system.description ?? '',
                buildMode: system.buildMode,
                status: system.status,
                maintainer: system.maintainer,
                launchDate: system.launchDate,
                deployment: system.deployment,
                onCountyPlatform: system.onCountyPlatform,
              }
            : { status: 'in-use', onCountyPlatform: false }
        }
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
        {(['buildMode', 'status', 'deployment'] as const).map((field) => (
          <Form.Item key={field} name={field} label={t(field)}>
            <Select
              allowClear={field !== 'status'}
              data-testid={`census-${field}`}
              options={OPTIONS[field].map((v) => ({ value: v, label: t(`${field}.${v}` as CensusKey) }))}
            />
          </Form.Item>
        ))}
        <Form.Item name="maintainer" label={t('maintainer')} rules={[{ max: 100 }]}>
          <Input data-testid="census-maintainer" />
        </Form.Item>
        <Form.Item name="launchDate" label={t('launchDate')}>
          <Input type="date" data-testid="census-launchDate" />
        </Form.Item>
        <Form.Item name="onCountyPlatform" label={t('onCountyPlatform')} valuePropName="checked">
          <Switch data-testid="census-onCountyPlatform" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
