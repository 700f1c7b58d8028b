/**
 * The few U.S. Web Design System icons the app shows, inline so a page carries only its own.
 * Each path is copied from @uswds/uswds/dist/img/usa-icons/<name>.svg (USWDS icons: Material
 * Design Icons, Apache 2.0, and public-domain USWDS assets). To add one, copy the `d` of its file
 * into a new component below. Always decorative: the words beside an icon carry its meaning.
 */
type IconProps = { size?: 3 | 4 | 5 | 6 | 7 | 8 | 9 };

function UsaIcon({ size, paths }: IconProps & { paths: string[] }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width="1em"
      height="1em"
      viewBox="0 0 24 24"
      className={size ? `usa-icon usa-icon--size-${size}` : 'usa-icon'}
      aria-hidden="true"
      focusable="false"
      role="img"
    >
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

/** autorenew.svg */
export const AutorenewIcon = (props: IconProps) => (
  <UsaIcon
    {...props}
    paths={[
      'M12 6v3l4-4-4-4v3c-4.42 0-8 3.58-8 8 0 1.57.46 3.03 1.24 4.26L6.7 14.8A5.87 5.87 0 0 1 6 12c0-3.31 2.69-6 6-6zm6.76 1.74L17.3 9.2c.44.84.7 1.79.7 2.8 0 3.31-2.69 6-6 6v-3l-4 4 4 4v-3c4.42 0 8-3.58 8-8 0-1.57-.46-3.03-1.24-4.26z',
    ]}
  />
);

/** check_circle.svg */
export const CheckCircleIcon = (props: IconProps) => (
  <UsaIcon
    {...props}
    paths={['M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm-2 15-5-5 1.41-1.41L10 14.17l7.59-7.59L19 8l-9 9z']}
  />
);

/** close.svg */
export const CloseIcon = (props: IconProps) => (
  <UsaIcon
    {...props}
    paths={['M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z']}
  />
);

/** do_not_disturb.svg */
export const DoNotDisturbIcon = (props: IconProps) => (
  <UsaIcon
    {...props}
    paths={[
      'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.42 0-8-3.58-8-8 0-1.85.63-3.55 1.69-4.9L16.9 18.31A7.902 7.902 0 0 1 12 20zm6.31-3.1L7.1 5.69A7.902 7.902 0 0 1 12 4c4.42 0 8 3.58 8 8 0 1.85-.63 3.55-1.69 4.9z',
    ]}
  />
);

/** edit.svg */
export const EditIcon = (props: IconProps) => (
  <UsaIcon
    {...props}
    paths={[
      'M3 17.25V21h3.75L17.81 9.94l-3.75-3.75L3 17.25zM20.71 7.04a.996.996 0 0 0 0-1.41l-2.34-2.34a.996.996 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z',
    ]}
  />
);

/** error.svg */
export const ErrorIcon = (props: IconProps) => (
  <UsaIcon
    {...props}
    paths={['M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z']}
  />
);

/** history.svg */
export const HistoryIcon = (props: IconProps) => (
  <UsaIcon
    {...props}
    paths={[
      'M13 3a9 9 0 0 0-9 9H1l3.89 3.89.07.14L9 12H6c0-3.87 3.13-7 7-7s7 3.13 7 7-3.13 7-7 7c-1.93 0-3.68-.79-4.94-2.06l-1.42 1.42A8.954 8.954 0 0 0 13 21a9 9 0 0 0 0-18zm-1 5v5l4.28 2.54.72-1.21-3.5-2.08V8H12z',
    ]}
  />
);

/** hourglass_empty.svg */
export const HourglassEmptyIcon = (props: IconProps) => (
  <UsaIcon
    {...props}
    paths={[
      'M6 2v6h.01L6 8.01 10 12l-4 4 .01.01H6V22h12v-5.99h-.01L18 16l-4-4 4-3.99-.01-.01H18V2H6zm10 14.5V20H8v-3.5l4-4 4 4zm-4-5-4-4V4h8v3.5l-4 4z',
    ]}
  />
);

/** radio_button_unchecked.svg */
export const RadioButtonUncheckedIcon = (props: IconProps) => (
  <UsaIcon
    {...props}
    paths={['M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.42 0-8-3.58-8-8s3.58-8 8-8 8 3.58 8 8-3.58 8-8 8z']}
  />
);

/** schedule.svg */
export const ScheduleIcon = (props: IconProps) => (
  <UsaIcon
    {...props}
    paths={[
      'M11.99 2C6.47 2 2 6.48 2 12s4.47 10 9.99 10C17.52 22 22 17.52 22 12S17.52 2 11.99 2zM12 20c-4.42 0-8-3.58-8-8s3.58-8 8-8 8 3.58 8 8-3.58 8-8 8z',
      'M12.5 7H11v6l5.25 3.15.75-1.23-4.5-2.67z',
    ]}
  />
);

/** warning.svg */
export const WarningIcon = (props: IconProps) => (
  <UsaIcon {...props} paths={['M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z']} />
);

/** notifications.svg */
export const NotificationsIcon = (props: IconProps) => (
  <UsaIcon
    {...props}
    paths={[
      'M12 22c1.1 0 2-.9 2-2h-4a2 2 0 0 0 2 2zm6-6v-5c0-3.07-1.64-5.64-4.5-6.32V4c0-.83-.67-1.5-1.5-1.5s-1.5.67-1.5 1.5v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2z',
    ]}
  />
);
