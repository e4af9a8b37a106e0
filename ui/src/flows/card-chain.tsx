/**
 * @module ui/flows/card-chain: the chain of cards top to bottom, a "+" (a button named 添加节点) between any two,
 * branches side by side. Each card is a focusable group named by its node name; Enter opens it in the side panel.
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  LockOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Tooltip } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useLocale } from '../i18n';
import {
  branchList,
  CARD_NAMES,
  canMove,
  cannotRemove,
  ownerOfResult,
  MAIN,
  NEW_CARD_KINDS,
  type NewCardKind,
  type Slot,
} from './model/edit';
import type { Card, FlowModel } from './model/types';
import { type FlowWords, useFlowWords } from './messages';
import { cardSummary, conditionText } from './summary';
import type { FieldOption, FlowData } from './use-flow-data';

export interface ChainProps {
  model: FlowModel;
  data: FlowData;
  fields: FieldOption[];
  selected?: string;
  onSelect: (cardId: string, branch?: number) => void;
  onAdd: (slot: Slot, kind: NewCardKind) => void;
  onRemove: (cardId: string) => void;
  onMove: (cardId: string, delta: -1 | 1) => void;
}

function AddButton({ slot, onAdd, w }: { slot: Slot; onAdd: ChainProps['onAdd']; w: FlowWords }) {
  const { lang } = useLocale();
  return (
    <>
      <div className="flow-link" />
      <Dropdown
        // Opened with Enter, the menu takes the focus, so the arrow keys and Enter pick a kind without a mouse.
        autoFocus
        trigger={['click']}
        menu={{
          items: NEW_CARD_KINDS.map((k) => ({ key: k, label: CARD_NAMES[k][lang] })),
          onClick: ({ key }) => onAdd(slot, key as NewCardKind),
        }}
      >
        <Button
          className="flow-add"
          shape="circle"
          size="small"
          icon={<PlusOutlined />}
          aria-label={w.addNode}
          data-testid={`add-${slot.list}-${slot.index}`}
          title={w.addNode}
        />
      </Dropdown>
      <div className="flow-link" />
    </>
  );
}

function CardBox({ card, p, w }: { card: Card; p: ChainProps; w: FlowWords }) {
  const { lang } = useLocale();
  if (card.kind === 'end') {
    return (
      <article className="flow-card kind-end" aria-label={card.name || CARD_NAMES.end[lang]}>
        {card.name || CARD_NAMES.end[lang]}
      </article>
    );
  }
  const locked = card.kind === 'locked' || card.kind === 'decision';
  const why = cannotRemove(p.model, card.id);
  const removable = !why;
  const name = card.name || CARD_NAMES[card.kind][lang];
  return (
    <article
      className={`flow-card kind-${card.kind}${p.selected === card.id ? ' selected' : ''}`}
      aria-label={name}
      data-testid={`card-${card.id}`}
    >
      <div className="flow-card-head">
        <span>
          {locked && !(card.kind === 'decision' && ownerOfResult(p.model, card.id)) ? (
            <LockOutlined aria-label={w.locked} />
          ) : null}{' '}
          {CARD_NAMES[card.kind][lang]} · {name}
        </span>
        {card.kind !== 'start' ? (
          <span className="flow-card-tools">
            {!locked ? (
              <>
                <Tooltip title={w.up}>
                  <Button
                    size="small"
                    type="text"
                    aria-label={w.up}
                    disabled={!canMove(p.model, card.id, -1)}
                    icon={<ArrowUpOutlined />}
                    onClick={() => p.onMove(card.id, -1)}
                  />
                </Tooltip>
                <Tooltip title={w.down}>
                  <Button
                    size="small"
                    type="text"
                    aria-label={w.down}
                    disabled={!canMove(p.model, card.id, 1)}
                    icon={<ArrowDownOutlined />}
                    onClick={() => p.onMove(card.id, 1)}
                  />
                </Tooltip>
              </>
            ) : null}
            {removable ? (
              <Tooltip title={w.remove}>
                <Button
                  size="small"
                  type="text"
                  aria-label={w.remove}
                  icon={<DeleteOutlined />}
                  onClick={() => p.onRemove(card.id)}
                />
              </Tooltip>
            ) : !locked && why ? (
              // Say why (a 退回 leads here) rather than hide the button without a word.
              <Tooltip title={lang === 'zh' ? why.zh : why.en}>
                <Button
                  size="small"
                  type="text"
                  aria-label={`${w.remove}：${lang === 'zh' ? why.zh : why.en}`}
                  icon={<DeleteOutlined />}
                  disabled
                />
              </Tooltip>
            ) : null}
          </span>
        ) : null}
      </div>
      <button
        type="button"
        className="flow-card-body"
        aria-label={`${w.edit} ${name}`}
        onClick={() => p.onSelect(card.id)}
      >
        {cardSummary(card, p.model, p.data, w, lang)}
      </button>
    </article>
  );
}

function Branches({
  card,
  p,
  w,
}: {
  card: Extract<Card, { kind: 'condition' | 'parallel' }>;
  p: ChainProps;
  w: FlowWords;
}) {
  const { lang } = useLocale();
  const removable = !cannotRemove(p.model, card.id);
  return (
    <div className="flow-chain">
      <article
        className={`flow-split${p.selected === card.id ? ' selected' : ''}`}
        aria-label={card.name || CARD_NAMES[card.kind][lang]}
        data-testid={`card-${card.id}`}
      >
        <button
          type="button"
          className="flow-link-button"
          aria-label={`${w.edit} ${card.name || CARD_NAMES[card.kind][lang]}`}
          onClick={() => p.onSelect(card.id)}
        >
          {CARD_NAMES[card.kind][lang]} · {card.name || CARD_NAMES[card.kind][lang]}
        </button>{' '}
        {removable ? (
          <Button
            size="small"
            type="text"
            aria-label={w.remove}
            icon={<DeleteOutlined />}
            onClick={() => p.onRemove(card.id)}
          />
        ) : null}
      </article>
      <div className="flow-link" />
      <div className="flow-branches">
        {card.branches.map((b, i) => (
          <div className="flow-branch" key={b.flowId}>
            <button
              type="button"
              className="flow-branch-head"
              aria-label={`${w.edit} ${b.name || `${w.branches} ${i + 1}`}`}
              onClick={() => p.onSelect(card.id, i)}
            >
              <strong>{b.name}</strong>
              {card.kind === 'condition' ? (
                <span style={{ display: 'block', whiteSpace: 'pre-line' }}>
                  {conditionText(b.condition, p.fields, w)}
                </span>
              ) : null}
            </button>
            <Chain {...p} list={branchList(card.id, i)} cards={b.cards} />
          </div>
        ))}
      </div>
    </div>
  );
}

export function Chain(p: ChainProps & { list: string; cards: Card[] }): ReactNode {
  const w = useFlowWords();
  const { cards, list } = p;
  return (
    <div className="flow-chain">
      {cards.map((c, i) => {
        const add =
          list !== MAIN || i > 0 ? <AddButton slot={{ list, index: i }} onAdd={p.onAdd} w={w} /> : null;
        return (
          <Fragment key={c.id}>
            {add}
            {c.kind === 'condition' || c.kind === 'parallel' ? (
              <Branches card={c} p={p} w={w} />
            ) : (
              <CardBox card={c} p={p} w={w} />
            )}
          </Fragment>
        );
      })}
      {list !== MAIN ? <AddButton slot={{ list, index: cards.length }} onAdd={p.onAdd} w={w} /> : null}
    </div>
  );
}
