package dev.traced.internal.weaver;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aspectj.apache.bcel.Repository;
import org.aspectj.apache.bcel.util.ClassPath;
import org.aspectj.apache.bcel.util.SyntheticRepository;
import org.aspectj.bridge.IMessage;
import org.aspectj.bridge.IMessageContext;
import org.aspectj.bridge.MessageWriter;
import org.aspectj.weaver.tools.ISupportsMessageContext;

/**
 * Spares the load-time weaver two slow steps at start-up (an index of the whole JDK, and parsing
 * its own build date) and keys its weaving cache by what it reads; otherwise the weaver's own
 * message writer. Internal: named only by {@code -XmessageHandlerClass} in traced's
 * {@code META-INF/aop.xml}.
 *
 * <p>When the weaver inlines {@code TracedAspect}'s around advice into a method returning a
 * reference type, it checks the advice's {@code Object} against that type through BCEL's global
 * class repository. On its first use that repository, by default, walks every class file of the
 * JDK's run-time image: about 0.4 s of the sample service's start-up on two cores
 * ({@code docs/performance.md}), although every lookup is answered through the class loader first,
 * which finds JDK classes too. The repository set here reads the same class path without the walk.
 *
 * <p>It also gives the weaver its build time ({@link WeaverBuildTime}), which the weaver would
 * otherwise parse with every time zone's name, and installs {@link WeavingCache}, which keys
 * AspectJ's weaving cache so that a change to the class path cannot bring back stale classes.
 *
 * <p>A message handler is the only extension the weaver instantiates before it weaves anything,
 * which is why this is one. It prints what the weaver's default writer prints, in the same form:
 * errors and warnings always; {@code INFO} with {@code -verbose} or {@code aj.weaving.verbose};
 * {@code WEAVEINFO} with {@code -showWeaveInfo} or {@code org.aspectj.weaver.showWeaveInfo}. A
 * weaver without these classes says it cannot instantiate the handler and carries on as before.
 */
public final class WeaverStartup extends MessageWriter implements ISupportsMessageContext {

  static {
    Repository.setRepository(SyntheticRepository.getInstance(new ClassPath(System.getProperty("java.class.path", ""))));
    WeaverBuildTime.settle();
    WeavingCache.install();
  }

  private final Set<IMessage.Kind> ignoring = new HashSet<>(List.of(IMessage.WEAVEINFO, IMessage.DEBUG, IMessage.INFO));
  private IMessageContext context;

  /** Called by the weaver, once per class loader it weaves for. */
  public WeaverStartup() {
    super(new PrintWriter(System.err), false);
    if (Boolean.getBoolean("aj.weaving.verbose")) {
      dontIgnore(IMessage.INFO);
    }
    if (Boolean.getBoolean("org.aspectj.weaver.showWeaveInfo")) {
      dontIgnore(IMessage.WEAVEINFO);
    }
  }

  @Override
  public boolean isIgnoring(IMessage.Kind kind) {
    return ignoring.contains(kind);
  }

  @Override
  public void ignore(IMessage.Kind kind) {
    ignoring.add(kind);
  }

  @Override
  public void dontIgnore(IMessage.Kind kind) {
    ignoring.remove(kind);
  }

  @Override
  public void setMessageContext(IMessageContext context) {
    this.context = context;
  }

  /** Each line starts with the class loader it is about, as the weaver's own writer does. */
  @Override
  protected String render(IMessage message) {
    return context == null ? super.render(message) : "[" + context.getContextId() + "] " + super.render(message);
  }
}
