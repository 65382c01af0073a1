import '@testing-library/jest-dom/vitest';
import { notifyManager } from '@tanstack/react-query';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Pages that debounce (300 ms) and then render a list can take seconds on a small, busy CI machine;
// a wait only runs this long when something is wrong.
configure({ asyncUtilTimeout: 15_000 });

// TanStack Query tells components about new data on a setTimeout(0). Under fake timers a zero timeout set while the
// clock ticks is due a millisecond later, so a test that lets pending work settle without moving the clock would never
// see it. Tests deliver those notifications as microtasks instead: the same order, independent of the clock.
notifyManager.setScheduler(queueMicrotask);

// jsdom has no modal dialogs: opening one shows it (the browser's focus trap and Escape are the browser's own).
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});
