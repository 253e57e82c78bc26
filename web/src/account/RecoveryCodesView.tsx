import { useEffect, useRef, useState } from 'react';

/** Shows recovery codes once, with copy and download, until the person says they kept them. */
export function RecoveryCodesView({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const text = `AuthorWorks recovery codes\nEach code works once, instead of a code from your app.\n\n${codes.join('\n')}\n`;
  const [href, setHref] = useState<string>();

  useEffect(() => {
    heading.current?.focus();
    if (typeof URL.createObjectURL !== 'function') {
      return undefined;
    }
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the object URL is made and revoked with the codes
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [text]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className="recovery-codes notice notice-warn">
      <h4 ref={heading} tabIndex={-1}>
        Your recovery codes
      </h4>
      <p>
        Keep these somewhere safe. Each one signs you in once if you lose your phone.{' '}
        <strong>They are shown only now.</strong>
      </p>
      <ul className="code-list" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy codes'}
        </button>
        {href && (
          <a className="button" href={href} download="authorworks-recovery-codes.txt">
            Download
          </a>
        )}
        <button type="button" className="button primary" onClick={onDone}>
          I have saved them
        </button>
      </p>
    </div>
  );
}
