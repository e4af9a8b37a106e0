/**
 * @module ui/pages/catalog/same-items-panel: for the authority's review of a registration or change, the other units'
 * entries that already carry data items of the same name (一数一源：不得重复采集), so the reviewer can return a
 * draft that would collect the same data twice.
 */
import { Alert, Card, List, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useAsync } from '../../lib';
import { catalogScale } from './catalog-scale-api';
import { useScaleT } from './scale-messages';

type Vars = Record<string, unknown>;

const namesOf = (items: unknown): string[] =>
  Array.isArray(items)
    ? items
        .map((i) => (i && typeof i === 'object' ? String((i as Vars).name ?? '').trim() : ''))
        .filter(Boolean)
    : [];

/** The data items under review: the registration's, or the change's proposed list, else the entry's current one. */
export function reviewedItemNames(variables: Vars): string[] {
  const changes = variables.changes as Vars | undefined;
  if (changes && Array.isArray(changes.dataItems)) return namesOf(changes.dataItems);
  if (Array.isArray(variables.dataItems)) return namesOf(variables.dataItems);
  return namesOf((variables.currentFields as Vars | undefined)?.dataItems);
}

export function SameItemsPanel({ variables }: { variables: Vars }) {
  const st = useScaleT();
  const names = reviewedItemNames(variables).slice(0, 500);
  const unitId = String(variables.entryUnitId ?? variables.initiatorUnitId ?? '') || undefined;
  const same = useAsync(
    () => (names.length ? catalogScale.sameItems(names, unitId) : Promise.resolve({ items: [] })),
    [names.join(','), unitId],
    true,
  );
  if (names.length === 0 || same.loading) return null;
  const items = same.data?.items ?? [];
  return (
    <Card size="small" title={st('sameItems')} style={{ marginBottom: 16 }} data-testid="same-items">
      {items.length === 0 ? (
        <Alert type="success" showIcon title={st('sameItemsNone')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item data-testid={`same-item-${item.name}`}>
              <Space wrap>
                <Tag color="orange">{item.name}</Tag>
                {item.entries.map((e) => (
                  <Link key={e.entryId} to={`/catalog/${e.entryId}`} target="_blank">
                    {e.unitName} · {e.code} {e.resourceName}
                  </Link>
                ))}
                {item.total > item.entries.length ? (
                  <span>{st('sameItemsMore', { n: item.total })}</span>
                ) : null}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
