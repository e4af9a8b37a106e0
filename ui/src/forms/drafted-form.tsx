/**
 * @module ui/forms/drafted-form: what a task or start drawer needs for 暂存 in one hook: the draft, a leave request
 * that asks first when something would be lost, the question itself, and the bar with 暂存 and the restored notice.
 */
import { Alert, Button } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import { formatTime, showError, showSuccess } from '../lib';
import { useDraftT } from './draft-messages';
import { UnsavedChangesModal, useLeaveGuard } from './leave-guard';
import { type DraftKind, type FormDraft, useFormDraft } from './use-draft';

export interface DraftedForm {
  draft: FormDraft;
  /** Leave now when nothing would be lost, else ask (暂存并离开 / 不保存 / 继续填写). */
  requestLeave: () => void;
  /** The question; render it once inside the drawer. */
  modal: ReactNode;
  /** The 暂存 button, for the form's actions. */
  saveButton: ReactNode;
  /** "已恢复…暂存的内容" with 放弃暂存, when the form opened from a draft. */
  notice: ReactNode;
  /** Spread on the element around the form: the user's first touch starts the change tracking. */
  touchProps: { onPointerDownCapture: () => void; onKeyDownCapture: () => void; onInputCapture: () => void };
}

export function useDraftedForm(
  kind: DraftKind,
  ref: string,
  enabled: boolean,
  leave: () => void,
): DraftedForm {
  const t = useDraftT();
  const draft = useFormDraft(kind, ref, enabled);
  const [asking, setAsking] = useState(false);
  useLeaveGuard(enabled && draft.dirty, () => setAsking(true));
  const requestLeave = useCallback(
    () => (enabled && draft.dirty ? setAsking(true) : leave()),
    [enabled, draft.dirty, leave],
  );
  const save = async () => {
    await draft.save();
    showSuccess(t('draft.saved'));
  };
  const modal = (
    <UnsavedChangesModal
      open={asking}
      onStay={() => setAsking(false)}
      onLeave={() => {
        draft.markClean();
        setAsking(false);
        leave();
      }}
      onSaveAndLeave={async () => {
        try {
          await save();
          setAsking(false);
          leave();
        } catch (err) {
          showError(err);
        }
      }}
    />
  );
  const saveButton = enabled ? (
    <Button onClick={() => save().catch(showError)} data-testid="draft-save">
      {t('draft.save')}
    </Button>
  ) : null;
  const notice = draft.restored ? (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="draft-restored"
      title={t('draft.restored', { at: formatTime(draft.restored.updatedAt) })}
      action={
        <Button
          size="small"
          data-testid="draft-discard"
          onClick={() =>
            draft
              .discard()
              .then(() => showSuccess(t('draft.discarded')))
              .catch(showError)
          }
        >
          {t('draft.discard')}
        </Button>
      }
    />
  ) : null;
  return {
    draft,
    requestLeave,
    modal,
    saveButton,
    notice,
    // Input too: pasting, dictation and autofill change a field without a key or a pointer.
    touchProps: {
      onPointerDownCapture: draft.touch,
      onKeyDownCapture: draft.touch,
      onInputCapture: draft.touch,
    },
  };
}
