import { useUser } from '../auth/session.tsx';
import { useMessages } from '../i18n/language.tsx';
import { messages } from './worklist/messages.ts';
import { RecentDecisions } from './worklist/RecentDecisions.tsx';
import { ReviewQueue } from './worklist/ReviewQueue.tsx';
import { parseWorklistQuery } from './worklist/worklist-query.ts';
import './worklist/Worklist.css';

/**
 * The advisers' follow-up across clients (/worklist, advisers and admins): the clients' review
 * requests to handle, oldest first, then the recent decisions and overrides, filtered. The
 * filters live in the URL, so a reload or a shared link shows the same list.
 */
export function WorklistPage({ search = '' }: { search?: string }) {
  const t = useMessages(messages);
  const user = useUser();
  if (user.role === 'customer') return null;
  const q = parseWorklistQuery(search);
  return (
    <div className="worklist-page" data-testid="worklist">
      <h1>{t.title}</h1>
      <p className="worklist-intro">{t.intro}</p>
      <ReviewQueue q={q} />
      <RecentDecisions q={q} />
    </div>
  );
}
