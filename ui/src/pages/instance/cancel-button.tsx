/** @module ui/pages/instance/cancel-button: 终止流程 with a required reason (authority.admin only). */
import { StopOutlined } from '@ant-design/icons';
import { Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { instances } from '../../api';
import { useT } from '../../i18n';
import { showError, showSuccess } from '../../lib';

export function CancelButton({ instanceId, onDone }: { instanceId: string; onDone: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await instances.cancel(instanceId, reason.trim());
      showSuccess(t('instance.cancelled'));
      setOpen(false);
      onDone();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="instance-cancel">
        {t('instance.cancel')}
      </Button>
      <Modal
        open={open}
        title={t('instance.cancel')}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okButtonProps={
          {
            danger: true,
            disabled: !reason.trim(),
            loading: busy,
            'data-testid': 'instance-cancel-confirm',
          } as any
        }
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('instance.cancelReason')}
          aria-label={t('instance.cancelReason')}
          data-testid="instance-cancel-reason"
        />
      </Modal>
    </>
  );
}
