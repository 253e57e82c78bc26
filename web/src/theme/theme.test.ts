import { describe, expect, it } from 'vitest';
import { applyTheme, nextTheme, resolveTheme, storeTheme, storedTheme, THEME_STORAGE_KEY } from './theme';

describe('theme', () => {
  it('resolves system to the device preference', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('applies the theme to the root element', () => {
    const root = document.createElement('html');
    expect(applyTheme('dark', root, false)).toBe('dark');
    expect(root.getAttribute('data-theme')).toBe('dark');
    expect(root.style.colorScheme).toBe('dark');
    applyTheme('system', root, false);
    expect(root.getAttribute('data-theme')).toBe('light');
  });

  it('stores the choice for the pre-paint script; system is the absence of a choice', () => {
    storeTheme('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(storedTheme()).toBe('dark');
    storeTheme('system');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
    expect(storedTheme()).toBe('system');
    localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    expect(storedTheme()).toBe('system');
  });

  it('cycles light, dark, system', () => {
    expect(nextTheme('light')).toBe('dark');
    expect(nextTheme('dark')).toBe('system');
    expect(nextTheme('system')).toBe('light');
  });
});
