import { ProfileSection } from './ProfileSection';
import { PreferencesSection } from './PreferencesSection';
import { SecuritySection } from './SecuritySection';
import { WritingSection } from './WritingSection';
import { useDocumentTitle } from '../components/useDocumentTitle';

export function Settings() {
  useDocumentTitle('Account');
  return (
    <div className="page narrow settings">
      <h1>Account</h1>
      <nav aria-label="Account sections" className="in-page-nav">
        <a href="#profile">Profile</a> · <a href="#writing">Writing</a> · <a href="#preferences">Preferences</a> ·{' '}
        <a href="#security">Security</a>
      </nav>
      <ProfileSection />
      <WritingSection />
      <PreferencesSection />
      <SecuritySection />
    </div>
  );
}
