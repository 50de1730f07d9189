import { notifications } from '@mantine/notifications';

/** A short confirmation after a command succeeded. */
export function notifySaved(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 2500, withBorder: true });
}

export function notifyError(title: string, message: string): void {
  notifications.show({ title, message, color: 'red', autoClose: 6000, withBorder: true });
}
