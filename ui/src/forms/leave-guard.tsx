/**
 * @module ui/forms/leave-guard: leaving a form with unsaved changes asks first (#17): closing the drawer (the caller
 * opens `UnsavedChangesModal`), the browser's back button (a guard history entry with the same URL: back lands on
 * it, the page stays and we ask), and a reload or closed tab (the browser's own beforeunload prompt).
 */
import { Button, Modal, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useDraftT } from './draft-messages';

const GUARD = 'huiliuLeaveGuard';

/** While `dirty`, back asks through `onBack` instead of leaving, and a reload asks through the browser. */
export function useLeaveGuard(dirty: boolean, onBack: () => void) {
  const onBackRef = useRef(onBack);
  onBackRef.current = onBack;
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers want a value; the text itself is never shown.
      e.returnValue = '';
    };
    // The guard entry duplicates the current URL, so the router renders the same page when back lands on it.
    if (!(window.history.state as Record<string, unknown> | null)?.[GUARD]) {
      window.history.pushState({ ...(window.history.state ?? {}), [GUARD]: true }, '', window.location.href);
    }
    const popState = () => {
      window.history.pushState({ ...(window.history.state ?? {}), [GUARD]: true }, '', window.location.href);
      onBackRef.current();
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('popstate', popState);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('popstate', popState);
    };
  }, [dirty]);
}

export interface UnsavedChangesModalProps {
  open: boolean;
  onSaveAndLeave: () => Promise<void>;
  onLeave: () => void;
  onStay: () => void;
}

export function UnsavedChangesModal({ open, onSaveAndLeave, onLeave, onStay }: UnsavedChangesModalProps) {
  const t = useDraftT();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={t('leave.title')}
      onCancel={onStay}
      footer={
        <Space wrap>
          <Button onClick={onStay} data-testid="leave-stay">
            {t('leave.stay')}
          </Button>
          <Button danger onClick={onLeave} data-testid="leave-discard">
            {t('leave.discard')}
          </Button>
          <Button
            type="primary"
            loading={busy}
            data-testid="leave-save"
            onClick={async () => {
              setBusy(true);
              try {
                await onSaveAndLeave();
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('leave.saveAndLeave')}
          </Button>
        </Space>
      }
    >
      <div data-testid="leave-confirm">{t('leave.body')}</div>
    </Modal>
  );
}
