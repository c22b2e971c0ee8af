import type { ReactNode } from 'react';

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
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th scope="col" key={i}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
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
