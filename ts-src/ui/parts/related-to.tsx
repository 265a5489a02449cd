/** The record the call will be logged against, changeable to the page in focus or cleared. */
import type { RelatedRecord } from "../../core/model";
import type { PageInfo } from "../../host/cti-host";
import { ExtText } from "./ext-text";

interface Props {
  relatedTo?: RelatedRecord;
  page?: PageInfo;
  onChange: (record: RelatedRecord | null) => void;
}

export function RelatedTo({ relatedTo, page, onChange }: Props) {
  const pageRecordId = page?.recordId;
  const canUsePage = Boolean(pageRecordId) && pageRecordId !== relatedTo?.id;
  const usePage = () => {
    if (!pageRecordId) return;
    const record: RelatedRecord = { id: pageRecordId };
    if (page?.recordName) record.name = page.recordName;
    if (page?.objectType) record.objectType = page.objectType;
    onChange(record);
  };
  return (
    <div class="sp-section" data-id="related-to">
      <div class="sp-row">
        <span class="slds-form-element__label sp-grow slds-m-bottom_none">Related to</span>
        {canUsePage && (
          <button
            type="button"
            class="slds-button"
            data-id="related-use-page"
            title={
              page?.recordName
                ? `Relate to ${page.recordName}`
                : "Relate to the record on this page"
            }
            onClick={usePage}
          >
            Use this page
          </button>
        )}
        {relatedTo && (
          <button
            type="button"
            class="slds-button slds-m-left_x-small"
            data-id="related-clear"
            onClick={() => onChange(null)}
          >
            Clear
          </button>
        )}
      </div>
      <div class="sp-min0">
        {relatedTo ? (
          <>
            <ExtText text={relatedTo.name || relatedTo.id} truncate class="sp-strong" />
            {relatedTo.objectType ? (
              <span class="slds-text-body_small slds-text-color_weak">
                {" "}
                (<ExtText text={relatedTo.objectType} />)
              </span>
            ) : null}
          </>
        ) : (
          <span class="slds-text-color_weak">No record</span>
        )}
      </div>
    </div>
  );
}
