/** @module ui/designer/preview-tab: the form as users will meet it, through the one renderer; submit validates with its Chinese messages. */
import { Alert } from 'antd';
import { Component, type ReactNode } from 'react';
import { type JsonSchema, SchemaForm } from '../forms';
import { showSuccess } from '../lib';
import type { DesignerT } from './messages';

/** A schema mid-edit can be unrenderable; say so instead of taking the page down. */
class Boundary extends Component<
  { children: ReactNode; resetKey: string; title: string },
  { error?: string }
> {
  state: { error?: string } = {};
  static getDerivedStateFromError(err: Error) {
    return { error: err.message };
  }
  componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: undefined });
  }
  render() {
    return this.state.error ? (
      <Alert type="warning" title={this.props.title} description={this.state.error} />
    ) : (
      this.props.children
    );
  }
}

export function PreviewTab(props: { schema: JsonSchema; uiSchema: JsonSchema; t: DesignerT }) {
  const { schema, uiSchema, t } = props;
  const key = JSON.stringify([schema, uiSchema]);
  return (
    <div data-testid="designer-preview">
      <Boundary resetKey={key} title={t('previewBroken')}>
        <SchemaForm
          key={key}
          schema={schema}
          uiSchema={uiSchema}
          onSubmit={async () => {
            showSuccess(t('previewValid'));
          }}
          submitText={t('previewSubmit')}
          testId="designer-preview-form"
        />
      </Boundary>
    </div>
  );
}
