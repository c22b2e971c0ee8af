import type { ReactNode } from 'react';
import { ColumnHeads } from '../ui';

/**
 * One table of the report: scrollable, with its caption, a heading per column and the rows. With
 * `empty`, a row saying so spans all columns (for a list that has no rows).
 */
export function ReportTable({
  caption,
  columns,
  empty,
  children,
}: {
  caption: ReactNode;
  columns: ReactNode[];
  empty?: string | false;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <ColumnHeads columns={columns} />
        <tbody>
          {empty && (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          )}
          {children}
        </tbody>
      </table>
    </div>
  );
}
